package io.camelpcluster.emulator.model;

import java.time.Instant;

/** The head node as DescribeCluster shows it. */
public record Ec2Instance(
    String instanceId,
    String instanceType,
    Instant launchTime,
    String privateIpAddress,
    String publicIpAddress,
    InstanceState state) {}
