package io.camelpcluster.emulator.model;

/** The summary of a custom image in list, build and delete answers. */
public record ImageInfoSummary(
    String imageId,
    Ec2AmiInfoSummary ec2AmiInfo,
    String region,
    String version,
    String cloudformationStackArn,
    ImageBuildStatus imageBuildStatus,
    CloudFormationStackStatus cloudformationStackStatus) {

  /** The AMI id of a built image. */
  public record Ec2AmiInfoSummary(String amiId) {}
}
