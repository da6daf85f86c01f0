package io.camelpcluster.pcluster.headnode;

import java.util.Objects;
import java.util.Optional;

/**
 * Opens a {@link HeadNodeAccess} to a head node from endpoint configuration. With SSM, every access
 * it opens shares one poller of the SSM client.
 */
public final class HeadNodeAccessFactory {

  private final HeadNodeAccessOptions options;
  private final Optional<SsmInvoker> ssm;

  public HeadNodeAccessFactory(HeadNodeAccessOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.ssm = options.ssm().map(SsmInvoker::new);
  }

  public HeadNodeAccessOptions options() {
    return options;
  }

  /**
   * Opens access to one head node. Opening checks the configuration (user, key file) but does not
   * connect yet: an SSH connection is made by the first command and reused by the next ones.
   *
   * @throws HeadNodeException when the user or key cannot be used
   * @throws IllegalArgumentException when the head node lacks what the transport needs
   */
  public HeadNodeAccess open(HeadNode headNode) {
    Objects.requireNonNull(headNode, "headNode");
    return switch (options.type()) {
      case LOCAL -> LocalAccess.open(options.user());
      case SSH ->
          SshAccess.open(
              options.user(),
              headNode
                  .address()
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "headNodeAccess=ssh: the head node of cluster '"
                                  + headNode.clusterName()
                                  + "' has no known address")),
              options.ssh().orElseThrow());
      case SSM ->
          SsmAccess.open(
              options.user(),
              headNode.clusterName(),
              headNode
                  .instanceId()
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "headNodeAccess=ssm: the head node of cluster '"
                                  + headNode.clusterName()
                                  + "' has no known instance id")),
              ssm.orElseThrow(),
              options.ssm().orElseThrow().parallelTransfers());
    };
  }
}
