package io.camelpcluster.emulator.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as SigV4 canonicalisation wants it (RFC 3986): every byte but the unreserved
 * {@code A-Z a-z 0-9 - _ . ~} becomes {@code %XX} with upper-case hex. Works on bytes so that
 * escapes of invalid UTF-8 survive a decode/encode round trip unchanged.
 */
final class UriEncoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriEncoding() {}

  /** Encodes the UTF-8 bytes of {@code text}; {@code '/'} stays as is when {@code keepSlash}. */
  static String encode(String text, boolean keepSlash) {
    return encode(text.getBytes(StandardCharsets.UTF_8), keepSlash);
  }

  /** The canonical form of one raw (still percent-encoded) query name or value. */
  static String canonical(String raw) {
    return encode(decode(raw), false);
  }

  /** Percent-decodes {@code raw} to text ({@code '+'} stays a plus sign). */
  static String decodeToString(String raw) {
    return new String(decode(raw), StandardCharsets.UTF_8);
  }

  /** Percent-decodes {@code raw} to bytes; a {@code '%'} not followed by two hex digits stays. */
  static byte[] decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    int i = 0;
    while (i < raw.length()) {
      if (isEscape(raw, i)) {
        bytes.write(hexValue(raw.charAt(i + 1)) << 4 | hexValue(raw.charAt(i + 2)));
        i += 3;
      } else {
        int next = raw.indexOf('%', i + 1);
        int end = next < 0 ? raw.length() : next;
        bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return bytes.toByteArray();
  }

  private static boolean isEscape(String raw, int at) {
    return raw.charAt(at) == '%'
        && at + 2 < raw.length()
        && hexValue(raw.charAt(at + 1)) >= 0
        && hexValue(raw.charAt(at + 2)) >= 0;
  }

  /** The value of an ASCII hex digit, or -1 (unlike {@link Character#digit}, no other scripts). */
  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static String encode(byte[] bytes, boolean keepSlash) {
    StringBuilder encoded = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (isUnreserved(c) || (keepSlash && c == '/')) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return encoded.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }
}
