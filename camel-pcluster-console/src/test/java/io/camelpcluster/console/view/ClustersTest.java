package io.camelpcluster.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClustersTest {

  @Test
  void queueNamesOfSlurmAndBatchConfigurations() {
    assertThat(
            Clusters.queueNames(
                """
                Scheduling:
                  Scheduler: slurm
                  SlurmQueues:
                    - Name: batch
                    - Name: "<gpu>"
                    - Networking: {}
                """))
        .containsExactly("batch", "<gpu>");
    assertThat(
            Clusters.queueNames(
                """
                Scheduling:
                  Scheduler: awsbatch
                  AwsBatchQueues:
                    - Name: q1
                """))
        .containsExactly("q1");
    assertThat(Clusters.queueNames("HeadNode: {}\n")).isEmpty();
  }
}
