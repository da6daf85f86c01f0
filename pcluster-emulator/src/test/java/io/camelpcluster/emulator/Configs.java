package io.camelpcluster.emulator;

import java.util.Map;

/** Cluster and image configurations used by the tests. */
final class Configs {
  private Configs() {}

  /**
   * A minimal valid Slurm cluster with one queue, one compute resource and MinCount static nodes.
   */
  static String slurm(int minCount) {
    return slurm("c6i.large", minCount, 8);
  }

  static String slurm(String computeType, int minCount, int maxCount) {
    return SampleConfigs.slurm(computeType, minCount, maxCount);
  }

  /** An AWS Batch cluster. */
  static String awsBatch() {
    return """
        Image:
          Os: alinux2
        HeadNode:
          InstanceType: t3.medium
          Networking:
            SubnetId: subnet-0a1b2c3d4e5f67890
          Ssh:
            KeyName: ops-key
        Scheduling:
          Scheduler: awsbatch
          AwsBatchQueues:
            - Name: jobs
              Networking:
                SubnetIds:
                  - subnet-0a1b2c3d4e5f67890
              ComputeResources:
                - Name: optimal
                  InstanceTypes:
                    - optimal
                  MaxvCpus: 16
        """;
  }

  /** A minimal image configuration. */
  static String image() {
    return SampleConfigs.image();
  }

  static Map<String, String> createBody(String name, String config) {
    return Map.of("clusterName", name, "clusterConfiguration", config);
  }

  static Map<String, String> updateBody(String config) {
    return Map.of("clusterConfiguration", config);
  }

  static Map<String, String> buildBody(String imageId, String config) {
    return Map.of("imageId", imageId, "imageConfiguration", config);
  }
}
