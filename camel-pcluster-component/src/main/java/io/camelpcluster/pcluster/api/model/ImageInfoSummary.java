package io.camelpcluster.pcluster.api.model;

/**
 * A custom image as listed by ListImages and returned by Build/DeleteImage.
 *
 * @param ec2AmiInfo present once the AMI exists
 * @param cloudformationStackArn present while a build stack exists
 * @param cloudformationStackStatus present while a build stack exists
 */
public record ImageInfoSummary(
    String imageId,
    String region,
    String version,
    ImageBuildStatus imageBuildStatus,
    Ec2AmiInfoSummary ec2AmiInfo,
    String cloudformationStackArn,
    CloudFormationStackStatus cloudformationStackStatus) {}
