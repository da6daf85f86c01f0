package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.headnode.TestHeadNodes;

/**
 * The job operations with {@code headNodeAccess=ssh} to the test sshd on 127.0.0.1, host keys
 * checked strictly; {@code headNodeHost} stands in for the emulated head node's address.
 */
class SshJobOperationsTest extends JobOperationsContract {

  @Override
  void configureAccess(PclusterConfiguration configuration) {
    configuration.setHeadNodeAccess("ssh");
    configuration.setHeadNodeHost("127.0.0.1");
    configuration.setSshPort(TestHeadNodes.SSH_PORT);
    configuration.setSshPrivateKeyFile(TestHeadNodes.SSH_DIR.resolve("id_ecdsa").toString());
    configuration.setSshKnownHostsFile(TestHeadNodes.SSH_DIR.resolve("known_hosts").toString());
  }

  @Override
  String clusterName() {
    return "ssh-slurm";
  }
}
