package io.camelpcluster.pcluster;

import io.camelpcluster.emulator.SampleConfigs;

/** Cluster and image configurations the emulator accepts. */
final class ClusterYaml {
  private ClusterYaml() {}

  /** A Slurm cluster with one queue and MinCount static c6i.large nodes. */
  static String slurm(int minCount) {
    return slurm("c6i.large", minCount);
  }

  static String slurm(String computeType, int minCount) {
    return SampleConfigs.slurm(computeType, minCount, 8);
  }

  /** A minimal image configuration. */
  static String image() {
    return SampleConfigs.image();
  }
}
