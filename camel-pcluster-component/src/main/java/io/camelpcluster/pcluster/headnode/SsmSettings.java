package io.camelpcluster.pcluster.headnode;

import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * How to reach head nodes through AWS Systems Manager Run Command.
 *
 * @param client the SSM client (region, credentials, endpoint); its owner closes it, not the
 *     accesses that use it
 * @param pollInterval how often the one poller of the client asks SSM about every command in flight
 * @param deliveryTimeout how long SSM may try to deliver a command to the head node's agent ({@code
 *     TimeoutSeconds}, 30 s to 30 days)
 * @param parallelTransfers how many commands one transfer (a long command line, a large output, a
 *     file) sends at once
 */
public record SsmSettings(
    SsmClient client, Duration pollInterval, Duration deliveryTimeout, int parallelTransfers) {

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofMinutes(10);
  public static final int DEFAULT_PARALLEL_TRANSFERS = 4;

  private static final Duration MIN_DELIVERY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration MAX_DELIVERY_TIMEOUT = Duration.ofDays(30);

  public SsmSettings {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(deliveryTimeout, "deliveryTimeout");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("ssm pollInterval must be positive, was " + pollInterval);
    }
    if (deliveryTimeout.compareTo(MIN_DELIVERY_TIMEOUT) < 0
        || deliveryTimeout.compareTo(MAX_DELIVERY_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "ssm deliveryTimeout must be 30 s to 30 days, was " + deliveryTimeout);
    }
    if (parallelTransfers < 1) {
      throw new IllegalArgumentException(
          "ssm parallelTransfers must be at least 1, was " + parallelTransfers);
    }
  }

  /** Settings with the defaults: polls every second, 10 minutes to deliver, 4 parallel commands. */
  public static SsmSettings of(SsmClient client) {
    return new SsmSettings(
        client, DEFAULT_POLL_INTERVAL, DEFAULT_DELIVERY_TIMEOUT, DEFAULT_PARALLEL_TRANSFERS);
  }

  /** These settings polling at another interval. */
  public SsmSettings withPollInterval(Duration interval) {
    return new SsmSettings(client, interval, deliveryTimeout, parallelTransfers);
  }

  /** Names the client only. */
  @Override
  public String toString() {
    return "SsmSettings[pollInterval="
        + pollInterval
        + ", deliveryTimeout="
        + deliveryTimeout
        + ", parallelTransfers="
        + parallelTransfers
        + "]";
  }
}
