package io.camelpcluster.emulator.ssm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a command wrote to one stream: the first bytes of the file the agent kept it in and the
 * file's full size. The agent counts bytes (Go strings), so do the limits here; a cut through a
 * UTF-8 sequence decodes to U+FFFD, as the service's JSON encoder renders it.
 *
 * @param head the first bytes, at most {@link #HEAD_BYTES}
 * @param size the size of the whole output in bytes
 */
record CapturedOutput(byte[] head, long size) {

  /** The most bytes any answer shows of one stream (the stdout limit). */
  static final int HEAD_BYTES = InlineOutput.STDOUT_LIMIT;

  static final CapturedOutput EMPTY = new CapturedOutput(new byte[0], 0);

  /** Reads the head and size of an output file; a missing file is empty output. */
  static CapturedOutput read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return EMPTY;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return new CapturedOutput(in.readNBytes(HEAD_BYTES), Files.size(file));
    }
  }

  /** The first {@code n} bytes (at most the head), decoded. */
  String first(int n) {
    return decode(Arrays.copyOf(head, Math.min(n, head.length)));
  }

  /** The whole output, as far as the head holds it. */
  String all() {
    return decode(head);
  }

  private static String decode(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
