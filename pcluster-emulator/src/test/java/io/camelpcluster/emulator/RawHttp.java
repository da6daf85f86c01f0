package io.camelpcluster.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends bytes no well-behaved HTTP client would send, and reads the status code. */
final class RawHttp {
  private RawHttp() {}

  /** Sends {@code GET <target>} with the target's bytes exactly as given. */
  static int get(PclusterEmulator emulator, byte[] target) {
    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write("GET ".getBytes(StandardCharsets.US_ASCII));
      out.write(target);
      out.write(
          (" HTTP/1.1\r\nHost: 127.0.0.1:" + emulator.port() + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(head.substring(9, 12));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int get(PclusterEmulator emulator, String target) {
    return get(emulator, target.getBytes(StandardCharsets.UTF_8));
  }
}
