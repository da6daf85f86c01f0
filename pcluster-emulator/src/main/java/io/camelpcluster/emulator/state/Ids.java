package io.camelpcluster.emulator.state;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers in AWS's shapes. */
public final class Ids {
  /** The account the emulator pretends to run in. */
  public static final String ACCOUNT = "123456789012";

  private Ids() {}

  /** {@code <prefix>-} and 17 hex digits, as EC2 ids ({@code i-}, {@code ami-}). */
  public static String ec2(String prefix) {
    byte[] bytes = new byte[9];
    ThreadLocalRandom.current().nextBytes(bytes);
    return prefix + "-" + HexFormat.of().formatHex(bytes).substring(0, 17);
  }

  /** The ARN partition of a region. */
  public static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    if (region.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    if (region.startsWith("us-isob-")) {
      return "aws-iso-b";
    }
    if (region.startsWith("us-iso-")) {
      return "aws-iso";
    }
    return "aws";
  }

  /** A random UUID. */
  public static String uuid() {
    return UUID.randomUUID().toString();
  }
}
