package io.camelpcluster.pcluster.headnode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the first bytes of a stream up to a limit and counts the rest. Thread-safe. */
final class OutputSink {

  private final int limit;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private long total;

  OutputSink(int limit) {
    this.limit = limit;
  }

  synchronized void write(byte[] bytes, int offset, int length) {
    int room = (int) Math.max(0, Math.min(length, limit - total));
    kept.write(bytes, offset, room);
    total += length;
  }

  synchronized String text() {
    return kept.toString(StandardCharsets.UTF_8);
  }

  synchronized boolean truncated() {
    return total > limit;
  }
}
