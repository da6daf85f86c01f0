package io.camelpcluster.pcluster.headnode;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an SSH connection does with the head node's host key, as OpenSSH's StrictHostKeyChecking.
 */
public enum HostKeyPolicy {
  /** Only a key listed for the host in the known_hosts file is accepted (the default). */
  STRICT("strict"),
  /**
   * A host not yet in known_hosts is accepted and its key appended to the file; a changed key is
   * still refused.
   */
  ACCEPT_NEW("accept-new"),
  /** Any key is accepted: no protection against a man in the middle. For tests only. */
  ACCEPT_ALL("accept-all");

  private final String value;

  HostKeyPolicy(String value) {
    this.value = value;
  }

  /** The option value. */
  public String value() {
    return value;
  }

  /**
   * The policy named by an option value.
   *
   * @throws IllegalArgumentException for any other value
   */
  public static HostKeyPolicy of(String value) {
    for (HostKeyPolicy policy : values()) {
      if (policy.value.equals(value == null ? null : value.strip().toLowerCase(Locale.ROOT))) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "hostKeyPolicy must be one of "
            + Arrays.stream(values()).map(p -> p.value).collect(Collectors.joining(", "))
            + ", was '"
            + value
            + "'");
  }

  @Override
  public String toString() {
    return value;
  }
}
