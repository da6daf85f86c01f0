package io.camelpcluster.pcluster.api.model;

/** The AMI of a built image. */
public record Ec2AmiInfoSummary(String amiId) {}
