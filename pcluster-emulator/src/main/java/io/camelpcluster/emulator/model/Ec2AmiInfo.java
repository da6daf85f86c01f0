package io.camelpcluster.emulator.model;

import java.util.List;

/** The AMI of a built image. */
public record Ec2AmiInfo(
    String amiId,
    List<Tag> tags,
    String amiName,
    String architecture,
    String state,
    String description) {}
