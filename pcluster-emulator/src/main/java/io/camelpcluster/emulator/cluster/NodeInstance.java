package io.camelpcluster.emulator.cluster;

import io.camelpcluster.emulator.model.ClusterInstance;
import io.camelpcluster.emulator.model.Ec2Instance;
import io.camelpcluster.emulator.model.InstanceState;
import io.camelpcluster.emulator.model.NodeType;
import java.time.Instant;

/**
 * An EC2 instance of a cluster.
 *
 * @param instanceId {@code i-} and 17 hex digits
 * @param instanceType the EC2 instance type
 * @param launchTime when it was launched
 * @param privateIpAddress its 10.x address
 * @param publicIpAddress its public address (head node only), or null
 * @param state its state
 * @param nodeType its role
 * @param queueName its Slurm queue (compute nodes), or null
 * @param computeResource its compute resource (compute nodes), or null
 */
public record NodeInstance(
    String instanceId,
    String instanceType,
    Instant launchTime,
    String privateIpAddress,
    String publicIpAddress,
    InstanceState state,
    NodeType nodeType,
    String queueName,
    String computeResource) {

  /** The short private DNS name, e.g. {@code ip-10-0-0-12}, that prefixes its log streams. */
  public String privateDnsShort() {
    return "ip-" + privateIpAddress.replace('.', '-');
  }

  /** The same instance in another state. */
  public NodeInstance withState(InstanceState newState) {
    return new NodeInstance(
        instanceId,
        instanceType,
        launchTime,
        privateIpAddress,
        publicIpAddress,
        newState,
        nodeType,
        queueName,
        computeResource);
  }

  /** As DescribeCluster shows a head node. */
  public Ec2Instance toEc2Instance() {
    return new Ec2Instance(
        instanceId, instanceType, launchTime, privateIpAddress, publicIpAddress, state);
  }

  /** As DescribeClusterInstances shows it. */
  public ClusterInstance toClusterInstance() {
    return new ClusterInstance(
        instanceId,
        instanceType,
        launchTime,
        privateIpAddress,
        publicIpAddress,
        state,
        nodeType,
        queueName,
        null);
  }
}
