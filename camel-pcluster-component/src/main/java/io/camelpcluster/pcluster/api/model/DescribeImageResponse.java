package io.camelpcluster.pcluster.api.model;

import java.time.Instant;
import java.util.List;

/**
 * The answer to DescribeImage: built from the AMI once it exists ({@code ec2AmiInfo}, {@code
 * creationTime}), otherwise from the build stack (the {@code cloudformation*} and {@code
 * imagebuilder*} fields).
 */
public record DescribeImageResponse(
    String imageId,
    String region,
    String version,
    ImageBuildStatus imageBuildStatus,
    String imageBuildLogsArn,
    CloudFormationStackStatus cloudformationStackStatus,
    String cloudformationStackStatusReason,
    String cloudformationStackArn,
    Instant creationTime,
    Instant cloudformationStackCreationTime,
    List<Tag> cloudformationStackTags,
    ImageConfigurationStructure imageConfiguration,
    ImageBuilderImageStatus imagebuilderImageStatus,
    String imagebuilderImageStatusReason,
    Ec2AmiInfo ec2AmiInfo) {

  public DescribeImageResponse {
    cloudformationStackTags = ModelLists.copy(cloudformationStackTags);
  }

  /** The summary of this image, as ListImages would show it. */
  public ImageInfoSummary toSummary() {
    return new ImageInfoSummary(
        imageId,
        region,
        version,
        imageBuildStatus,
        ec2AmiInfo == null ? null : new Ec2AmiInfoSummary(ec2AmiInfo.amiId()),
        cloudformationStackArn,
        cloudformationStackStatus);
  }
}
