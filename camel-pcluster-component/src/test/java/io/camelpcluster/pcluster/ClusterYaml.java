package io.camelpcluster.pcluster;

/** Cluster and image configurations the emulator accepts. */
final class ClusterYaml {
  private ClusterYaml() {}

  /** A Slurm cluster with one queue and MinCount static c6i.large nodes. */
  static String slurm(int minCount) {
    return slurm("c6i.large", minCount);
  }

  static String slurm(String computeType, int minCount) {
    return """
        Image:
          Os: alinux2023
        HeadNode:
          InstanceType: t3.medium
          Networking:
            SubnetId: subnet-0a1b2c3d4e5f67890
          Ssh:
            KeyName: ops-key
        Scheduling:
          Scheduler: slurm
          SlurmSettings:
            ScaledownIdletime: 10
          SlurmQueues:
            - Name: batch
              Networking:
                SubnetIds:
                  - subnet-0a1b2c3d4e5f67890
              ComputeResources:
                - Name: cr1
                  InstanceType: %s
                  MinCount: %d
                  MaxCount: 8
        """
        .formatted(computeType, minCount);
  }

  /** A minimal image configuration. */
  static String image() {
    return """
        Build:
          InstanceType: c5.xlarge
          ParentImage: ami-0123456789abcdef0
        """;
  }
}
