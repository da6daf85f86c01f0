package io.camelpcluster.emulator.model;

import java.time.Instant;
import java.util.List;

/** DescribeImage's answer, built from the AMI when it exists, otherwise from the build stack. */
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
    DescribeClusterResponse.Url imageConfiguration,
    String imagebuilderImageStatus,
    String imagebuilderImageStatusReason,
    Ec2AmiInfo ec2AmiInfo) {}
