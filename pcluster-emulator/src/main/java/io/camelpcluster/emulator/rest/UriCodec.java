package io.camelpcluster.emulator.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Lenient percent-decoding: malformed escapes stay literal, invalid UTF-8 becomes U+FFFD. */
final class UriCodec {
  private UriCodec() {}

  /** Decodes a path segment ({@code +} stays {@code +}). */
  static String decodePath(String raw) {
    return decode(raw, false);
  }

  /** Decodes a query key or value ({@code +} is a space). */
  static String decodeQuery(String raw) {
    return decode(raw, true);
  }

  private static String decode(String raw, boolean plusIsSpace) {
    if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    byte[] source = raw.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < source.length; i++) {
      byte b = source[i];
      if (b == '%' && i + 2 < source.length && hex(source[i + 1]) >= 0 && hex(source[i + 2]) >= 0) {
        bytes.write(hex(source[i + 1]) * 16 + hex(source[i + 2]));
        i += 2;
      } else if (b == '+' && plusIsSpace) {
        bytes.write(' ');
      } else {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit(b, 16);
  }
}
