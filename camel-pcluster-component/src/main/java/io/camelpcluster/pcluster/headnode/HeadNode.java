package io.camelpcluster.pcluster.headnode;

import java.util.Objects;
import java.util.Optional;

/**
 * Which head node to reach, as DescribeCluster reports it.
 *
 * @param clusterName the cluster, for messages
 * @param address the head node's public or private IP address or host name (for {@code ssh})
 * @param instanceId the head node's EC2 instance id (for {@code ssm})
 */
public record HeadNode(String clusterName, Optional<String> address, Optional<String> instanceId) {

  public HeadNode {
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(instanceId, "instanceId");
  }

  /** This machine, for {@code local} access. */
  public static HeadNode local(String clusterName) {
    return new HeadNode(clusterName, Optional.empty(), Optional.empty());
  }

  /** A head node reached by its instance, for {@code ssm}. */
  public static HeadNode ofInstance(String clusterName, String instanceId) {
    return new HeadNode(clusterName, Optional.empty(), Optional.of(instanceId));
  }

  /** A head node reached by address, for {@code ssh}. */
  public static HeadNode atAddress(String clusterName, String address) {
    return new HeadNode(clusterName, Optional.of(address), Optional.empty());
  }
}
