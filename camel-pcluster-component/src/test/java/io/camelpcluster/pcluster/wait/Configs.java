package io.camelpcluster.pcluster.wait;

import java.util.Map;
import java.util.stream.Collectors;

/** Cluster and image configurations the emulator accepts. */
final class Configs {
  private Configs() {}

  static String slurm() {
    return slurm(Map.of());
  }

  /** A minimal Slurm cluster with these tags. */
  static String slurm(Map<String, String> tags) {
    String yaml =
        """
        Image:
          Os: alinux2023
        HeadNode:
          InstanceType: t3.medium
          Networking:
            SubnetId: subnet-0a1b2c3d4e5f67890
        Scheduling:
          Scheduler: slurm
          SlurmQueues:
            - Name: batch
              Networking:
                SubnetIds:
                  - subnet-0a1b2c3d4e5f67890
              ComputeResources:
                - Name: cr1
                  InstanceType: c6i.large
                  MinCount: 0
                  MaxCount: 4
        """;
    if (tags.isEmpty()) {
      return yaml;
    }
    return yaml
        + "Tags:\n"
        + tags.entrySet().stream()
            .map(t -> "  - Key: " + t.getKey() + "\n    Value: " + t.getValue() + "\n")
            .collect(Collectors.joining());
  }

  /** A minimal image build, failing with {@code failReason} when not null. */
  static String image(String failReason) {
    String yaml =
        """
        Build:
          InstanceType: c5.xlarge
          ParentImage: ami-0123456789abcdef0
        """;
    return failReason == null
        ? yaml
        : yaml + "  Tags:\n    - Key: emulator:fail-build\n      Value: " + failReason + "\n";
  }
}
