package io.camelpcluster.pcluster;

/** The job operations with {@code headNodeAccess=local}: this machine is the head node. */
class LocalJobOperationsTest extends JobOperationsContract {

  @Override
  void configureAccess(PclusterConfiguration configuration) {
    configuration.setHeadNodeAccess("local");
  }

  @Override
  String clusterName() {
    return "local-slurm";
  }
}
