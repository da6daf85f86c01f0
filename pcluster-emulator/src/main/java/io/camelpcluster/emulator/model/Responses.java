package io.camelpcluster.emulator.model;

import java.time.Instant;
import java.util.List;

/** The JSON envelopes of the API's answers; absent (null) fields are omitted on the wire. */
public final class Responses {
  private Responses() {}

  /** ListClusters. */
  public record ClusterList(List<ClusterInfoSummary> clusters, String nextToken) {}

  /** CreateCluster, UpdateCluster and DeleteCluster. */
  public record ClusterChange(
      ClusterInfoSummary cluster,
      List<ConfigValidationMessage> validationMessages,
      List<Change> changeSet) {}

  /** DescribeComputeFleet and UpdateComputeFleet. */
  public record ComputeFleet(ComputeFleetStatus status, Instant lastStatusUpdatedTime) {}

  /** DescribeClusterInstances. */
  public record InstanceList(List<ClusterInstance> instances, String nextToken) {}

  /** ListClusterLogStreams and ListImageLogStreams. */
  public record LogStreamList(List<LogStream> logStreams, String nextToken) {}

  /** GetClusterLogEvents and GetImageLogEvents. */
  public record LogEventPage(String nextToken, String prevToken, List<LogEvent> events) {}

  /** GetClusterStackEvents and GetImageStackEvents. */
  public record StackEventPage(String nextToken, List<StackEvent> events) {}

  /** ListImages. */
  public record ImageList(List<ImageInfoSummary> images, String nextToken) {}

  /** BuildImage and DeleteImage. */
  public record ImageChange(
      ImageInfoSummary image, List<ConfigValidationMessage> validationMessages) {}

  /** ListOfficialImages. */
  public record OfficialImageList(List<AmiInfo> images) {}

  /** Every error answer: {@code message} plus the optional details some operations add. */
  public record Error(
      String message,
      List<ConfigValidationMessage> configurationValidationErrors,
      List<UpdateError> updateValidationErrors,
      List<Change> changeSet,
      List<ConfigValidationMessage> validationMessages) {

    /** An error with a message only. */
    public static Error of(String message) {
      return new Error(message, null, null, null, null);
    }
  }
}
