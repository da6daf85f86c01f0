package io.camelpcluster.emulator.ssm;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The answers of the SSM operations, member for member as the service sends them. */
final class SsmResponses {
  private SsmResponses() {}

  record SendCommandResult(Command command) {}

  record Command(
      String commandId,
      String documentName,
      String documentVersion,
      String comment,
      Instant expiresAfter,
      Map<String, List<String>> parameters,
      List<String> instanceIds,
      List<Target> targets,
      Instant requestedDateTime,
      String status,
      String statusDetails,
      String outputS3Region,
      String outputS3BucketName,
      String outputS3KeyPrefix,
      String maxConcurrency,
      String maxErrors,
      int targetCount,
      int completedCount,
      int errorCount,
      int deliveryTimedOutCount,
      String serviceRole,
      NotificationConfig notificationConfig,
      CloudWatchOutputConfig cloudWatchOutputConfig,
      int timeoutSeconds) {}

  record Target(String key, List<String> values) {}

  record NotificationConfig(
      String notificationArn, List<String> notificationEvents, String notificationType) {
    static final NotificationConfig NONE = new NotificationConfig("", List.of(), "");
  }

  record CloudWatchOutputConfig(String cloudWatchLogGroupName, boolean cloudWatchOutputEnabled) {
    static final CloudWatchOutputConfig NONE = new CloudWatchOutputConfig("", false);
  }

  record GetCommandInvocationResult(
      String commandId,
      String instanceId,
      String comment,
      String documentName,
      String documentVersion,
      String pluginName,
      int responseCode,
      String executionStartDateTime,
      String executionElapsedTime,
      String executionEndDateTime,
      String status,
      String statusDetails,
      String standardOutputContent,
      String standardOutputUrl,
      String standardErrorContent,
      String standardErrorUrl,
      CloudWatchOutputConfig cloudWatchOutputConfig) {}

  record ListCommandInvocationsResult(
      List<CommandInvocation> commandInvocations, String nextToken) {}

  record CommandInvocation(
      String commandId,
      String instanceId,
      String instanceName,
      String comment,
      String documentName,
      String documentVersion,
      Instant requestedDateTime,
      String status,
      String statusDetails,
      String traceOutput,
      String standardOutputUrl,
      String standardErrorUrl,
      List<CommandPlugin> commandPlugins,
      String serviceRole,
      NotificationConfig notificationConfig,
      CloudWatchOutputConfig cloudWatchOutputConfig) {}

  record CommandPlugin(
      String name,
      String status,
      String statusDetails,
      int responseCode,
      Instant responseStartDateTime,
      Instant responseFinishDateTime,
      String output,
      String standardOutputUrl,
      String standardErrorUrl,
      String outputS3Region,
      String outputS3BucketName,
      String outputS3KeyPrefix) {}
}
