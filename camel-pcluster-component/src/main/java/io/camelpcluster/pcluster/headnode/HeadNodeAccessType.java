package io.camelpcluster.pcluster.headnode;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How commands reach the head node: the option {@code headNodeAccess=ssm|ssh|local}. */
public enum HeadNodeAccessType {
  /** AWS Systems Manager {@code SendCommand} to the head node's instance. */
  SSM("ssm"),
  /** SSH to the head node's address, with key authentication. */
  SSH("ssh"),
  /** This machine, for a Slurm installed here. */
  LOCAL("local");

  private final String value;

  HeadNodeAccessType(String value) {
    this.value = value;
  }

  /** The option value. */
  public String value() {
    return value;
  }

  /**
   * The type named by an option value.
   *
   * @throws IllegalArgumentException for any other value
   */
  public static HeadNodeAccessType of(String value) {
    for (HeadNodeAccessType type : values()) {
      if (type.value.equals(value == null ? null : value.strip().toLowerCase(Locale.ROOT))) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "headNodeAccess must be one of "
            + Arrays.stream(values()).map(t -> t.value).collect(Collectors.joining(", "))
            + ", was '"
            + value
            + "'");
  }

  @Override
  public String toString() {
    return value;
  }
}
