package io.camelpcluster.pcluster.api.model;

import java.time.Instant;

/** An EC2 instance, e.g. the head node of a cluster. */
public record Ec2Instance(
    String instanceId,
    String instanceType,
    Instant launchTime,
    String privateIpAddress,
    String publicIpAddress,
    InstanceState state) {}
