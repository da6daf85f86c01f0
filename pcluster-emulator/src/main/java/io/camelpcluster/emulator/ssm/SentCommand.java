package io.camelpcluster.emulator.ssm;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A command as SendCommand accepted it.
 *
 * @param commandId its UUID
 * @param comment the caller's comment, or empty
 * @param parameters the document parameters as sent
 * @param instanceIds the instances it runs on, in the order given, without duplicates
 * @param requestedAt when it was sent
 * @param deliveryTimeoutSeconds {@code TimeoutSeconds}: how long it may wait for delivery
 * @param script the checked document parameters
 * @param outputS3BucketName echoed only (nothing is uploaded), or empty
 * @param outputS3KeyPrefix echoed only, or empty
 * @param region the region of the API, for {@code OutputS3Region}
 */
record SentCommand(
    String commandId,
    String comment,
    Map<String, List<String>> parameters,
    List<String> instanceIds,
    Instant requestedAt,
    int deliveryTimeoutSeconds,
    RunShellScript script,
    String outputS3BucketName,
    String outputS3KeyPrefix,
    String region) {

  /** When SSM stops trying to deliver it: the delivery timeout plus the execution timeout. */
  Instant expiresAfter() {
    return requestedAt.plusSeconds(deliveryTimeoutSeconds).plus(script.executionTimeout());
  }
}
