package io.camelpcluster.emulator.ssm;

/**
 * An instance SSM can send commands to: a running head node of an emulated cluster.
 *
 * @param instanceId its EC2 instance id
 * @param hostName its fully qualified private DNS name ({@code InstanceName} of its invocations)
 */
public record ManagedInstance(String instanceId, String hostName) {}
