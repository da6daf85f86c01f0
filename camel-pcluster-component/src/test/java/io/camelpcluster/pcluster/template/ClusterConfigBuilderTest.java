package io.camelpcluster.pcluster.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.pcluster.api.SafeYaml;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterConfigBuilderTest {

  private static final ClusterTemplate TEMPLATED =
      ClusterTemplate.load("classpath:templates/slurm-templated.yaml");

  private static final Map<String, Object> RUN =
      Map.of(
          "header.region", "eu-west-1",
          "exchangeProperty.subnet", "subnet-0a1b2c3d4e5f67890",
          "header.maxNodes", 16,
          "header.team", "genomics");

  @Test
  void buildsARealisticConfigurationFromATemplate() {
    String yaml =
        ClusterConfigBuilder.from(TEMPLATED)
            .placeholders(RUN::get)
            .override("Scheduling.SlurmQueues[batch].ComputeResources[gpu].MaxCount", "4")
            .override("Scheduling.SlurmQueues[debug]", null)
            .override("HeadNode.LocalStorage.RootVolume.Size", 80)
            .tags(ClusterTags.of(Map.of("owner", "ann")))
            .tag("workflow-id", "wf-2024-0001")
            .build();
    assertThat(SafeYaml.parseMapping(yaml))
        .isEqualTo(
            SafeYaml.parseMapping(
                """
                Region: eu-west-1
                Image:
                  Os: alinux2023
                HeadNode:
                  InstanceType: t3.medium
                  Networking:
                    SubnetId: subnet-0a1b2c3d4e5f67890
                  Ssh:
                    KeyName: ops-key
                  LocalStorage:
                    RootVolume:
                      Size: 80
                Scheduling:
                  Scheduler: slurm
                  SlurmSettings:
                    ScaledownIdletime: 10
                  SlurmQueues:
                    - Name: batch
                      CapacityType: ONDEMAND
                      Networking:
                        SubnetIds:
                          - subnet-0a1b2c3d4e5f67890
                      ComputeResources:
                        - Name: c6i-large
                          InstanceType: c6i.large
                          MinCount: 0
                          MaxCount: 16
                          DisableSimultaneousMultithreading: false
                        - Name: gpu
                          Instances:
                            - InstanceType: g5.xlarge
                          MinCount: 0
                          MaxCount: 4
                SharedStorage:
                  - MountDir: /shared
                    Name: scratch
                    StorageType: Ebs
                    EbsSettings:
                      VolumeType: gp3
                      Size: 100
                Monitoring:
                  Logs:
                    CloudWatch:
                      Enabled: true
                      RetentionInDays: 14
                Tags:
                  - Key: team
                    Value: hpc-genomics
                  - Key: cost-center
                    Value: "4711"
                  - Key: owner
                    Value: ann
                  - Key: workflow-id
                    Value: wf-2024-0001
                """));
  }

  @Test
  void theMinimalTemplateRendersUnchangedWithoutOverrides() {
    ClusterTemplate minimal = ClusterTemplate.load("classpath:templates/minimal-slurm.yaml");
    String yaml = ClusterConfigBuilder.from(minimal).build();
    assertThat(SafeYaml.parseMapping(yaml)).isEqualTo(minimal.tree());
  }

  @Test
  void overridesApplyAfterPlaceholders() {
    ObjectNode tree =
        SafeYaml.parseMapping(
            ClusterConfigBuilder.from(TEMPLATED)
                .placeholders(RUN::get)
                .override(
                    "Scheduling.SlurmQueues[batch].ComputeResources[c6i-large].MaxCount", "32")
                .build());
    assertThat(tree.at("/Scheduling/SlurmQueues/0/ComputeResources/0/MaxCount").intValue())
        .as("the override wins, and is typed by the filled template (a number)")
        .isEqualTo(32);
  }

  @Test
  void overrideValuesAreLiteral() {
    ObjectNode tree =
        SafeYaml.parseMapping(
            ClusterConfigBuilder.from(TEMPLATED)
                .placeholders(RUN::get)
                .override("HeadNode.Ssh.KeyName", "${header.secret}")
                .build());
    assertThat(tree.at("/HeadNode/Ssh/KeyName").asText()).isEqualTo("${header.secret}");
  }

  @Test
  void overridesApplyInOrder() {
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("HeadNode.Ssh", null);
    overrides.put("HeadNode.Ssh.KeyName", "other-key");
    ObjectNode tree =
        SafeYaml.parseMapping(
            ClusterConfigBuilder.from(TEMPLATED)
                .placeholders(RUN::get)
                .overrides(overrides)
                .build());
    assertThat(tree.at("/HeadNode/Ssh").size()).isEqualTo(1);
    assertThat(tree.at("/HeadNode/Ssh/KeyName").asText()).isEqualTo("other-key");
  }

  @Test
  void tagsApplyAfterOverrides() {
    ObjectNode tree =
        SafeYaml.parseMapping(
            ClusterConfigBuilder.from(TEMPLATED)
                .placeholders(RUN::get)
                .override("Tags[team].Value", "from-override")
                .override("Tags[+]", Map.of("Key", "owner", "Value", "from-override"))
                .tag("owner", "from-tags")
                .build());
    assertThat(tree.at("/Tags/0/Value").asText()).isEqualTo("from-override");
    assertThat(tree.at("/Tags/2/Key").asText()).isEqualTo("owner");
    assertThat(tree.at("/Tags/2/Value").asText()).isEqualTo("from-tags");
    assertThat(tree.get("Tags").size()).isEqualTo(3);
  }

  @Test
  void laterTagsWin() {
    ObjectNode tree =
        SafeYaml.parseMapping(
            ClusterConfigBuilder.from(TEMPLATED)
                .placeholders(RUN::get)
                .tag("team", "a")
                .tags(ClusterTags.of(Map.of("team", "b")))
                .build());
    assertThat(tree.at("/Tags/0/Value").asText()).isEqualTo("b");
  }

  @Test
  void errorsNameTheTemplate() {
    assertThatThrownBy(() -> ClusterConfigBuilder.from(TEMPLATED).build())
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "template 'classpath:templates/slurm-templated.yaml': unresolved placeholder"
                + " '${header.region}' at 'Region'");
    assertThatThrownBy(
            () ->
                ClusterConfigBuilder.from(TEMPLATED)
                    .placeholders(RUN::get)
                    .override("Scheduling.SlurmQueues[gpu].Name", "x")
                    .build())
        .hasMessage(
            "template 'classpath:templates/slurm-templated.yaml': no item with Name 'gpu' in"
                + " 'Scheduling.SlurmQueues'; its items are ['batch', 'debug']");
    assertThatThrownBy(
            () ->
                ClusterConfigBuilder.from(TEMPLATED)
                    .placeholders(RUN::get)
                    .override("Tags", Map.of("Key", "x"))
                    .build())
        .hasMessageContaining("cannot set 'Tags' to a mapping: the template has a list there");
  }

  @Test
  void badOverridePathsFailWhenAdded() {
    ClusterConfigBuilder builder = ClusterConfigBuilder.from(TEMPLATED);
    assertThatThrownBy(() -> builder.override("Scheduling..SlurmQueues", 1))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith(
            "invalid configuration path 'Scheduling..SlurmQueues' at position 11");
  }

  @Test
  void theTemplateIsNotChangedByBuilding() {
    String before = TEMPLATED.render();
    ClusterConfigBuilder.from(TEMPLATED)
        .placeholders(RUN::get)
        .override("Region", "us-east-1")
        .tag("owner", "ann")
        .build();
    assertThat(TEMPLATED.render()).isEqualTo(before);
  }

  @Test
  void aBuilderCanBuildAgain() {
    ClusterConfigBuilder builder = ClusterConfigBuilder.from(TEMPLATED).placeholders(RUN::get);
    assertThat(builder.build()).isEqualTo(builder.build());
  }
}
