package io.camelpcluster.pcluster.api;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.emulator.SampleConfigs;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Configurations and clients for the tests against the emulator. */
final class EmulatorFixtures {
  static final Duration CREATE = Duration.ofMinutes(10);
  static final Duration UPDATE = Duration.ofMinutes(5);
  static final Duration DELETE = Duration.ofMinutes(3);
  static final Duration BUILD = Duration.ofMinutes(40);
  static final Duration FLEET = Duration.ofMinutes(2);

  private EmulatorFixtures() {}

  /** An emulator on {@code clock}, with operations lasting the durations above. */
  static EmulatorConfig.Builder config(Clock clock) {
    return EmulatorConfig.builder()
        .clock(clock)
        .createDuration(CREATE)
        .updateDuration(UPDATE)
        .deleteDuration(DELETE)
        .imageBuildDuration(BUILD)
        .fleetTransitionDuration(FLEET);
  }

  /** A client of the emulator with its default credentials and quick retries. */
  static ParallelClusterClientBuilder client(PclusterEmulator emulator, Clock clock) {
    return ParallelClusterClient.builder()
        .endpoint(emulator.endpoint())
        .region(emulator.region())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    EmulatorConfig.DEFAULT_ACCESS_KEY_ID,
                    EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY)))
        .retryPolicy(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(200)))
        .maybeCreatedProbeDelay(Duration.ofMillis(20))
        .requestTimeout(Duration.ofSeconds(10))
        .clock(clock);
  }

  /** A minimal Slurm cluster with {@code minCount} static nodes. */
  static String slurm(int minCount) {
    return slurm("c6i.large", minCount);
  }

  static String slurm(String computeType, int minCount) {
    return SampleConfigs.slurm(computeType, minCount, 8);
  }

  static String awsBatch() {
    return """
        Image:
          Os: alinux2
        HeadNode:
          InstanceType: t3.medium
          Networking:
            SubnetId: subnet-0a1b2c3d4e5f67890
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

  static String image() {
    return SampleConfigs.image();
  }
}
