package io.camelpcluster.emulator;

/**
 * Minimal valid configurations the emulator accepts, for tests, demos and benchmarks that need "a
 * cluster" or "an image" and nothing in particular.
 */
public final class SampleConfigs {
  private SampleConfigs() {}

  /**
   * A Slurm cluster: one queue {@code batch} with one compute resource {@code cr1} of {@code
   * computeType}, {@code minCount} static and at most {@code maxCount} nodes; an SSH key pair.
   */
  public static String slurm(String computeType, int minCount, int maxCount) {
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
          SlurmQueues:
            - Name: batch
              Networking:
                SubnetIds:
                  - subnet-0a1b2c3d4e5f67890
              ComputeResources:
                - Name: cr1
                  InstanceType: %s
                  MinCount: %d
                  MaxCount: %d
        """
        .formatted(computeType, minCount, maxCount);
  }

  /** An image build from a parent AMI. */
  public static String image() {
    return """
        Build:
          InstanceType: c5.xlarge
          ParentImage: ami-0123456789abcdef0
        """;
  }
}
