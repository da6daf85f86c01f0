package io.camelpcluster.pcluster.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.pcluster.api.SafeYaml;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConfigOverrideTest {

  private static final String CONFIG =
      """
      HeadNode:
        InstanceType: t3.medium
        Ssh:
      Scheduling:
        Scheduler: slurm
        SlurmQueues:
          - Name: batch
            ComputeResources:
              - Name: c6i
                InstanceType: c6i.large
                MaxCount: 8
                DisableSimultaneousMultithreading: false
              - Name: gpu
                InstanceType: g5.xlarge
                MaxCount: 2
          - Name: debug
            ComputeResources:
              - Name: small
                InstanceType: t3.small
                MaxCount: 1
      Tags:
        - Key: team
          Value: hpc
      """;

  private static ObjectNode apply(String path, Object value) {
    ObjectNode tree = SafeYaml.parseMapping(CONFIG);
    ConfigOverride.of(path, value).applyTo(tree);
    return tree;
  }

  private static JsonNode at(ObjectNode tree, String pointer) {
    return tree.at(pointer);
  }

  @Test
  void setsByIndex() {
    ObjectNode tree = apply("Scheduling.SlurmQueues[0].ComputeResources[1].MaxCount", 16);
    assertThat(at(tree, "/Scheduling/SlurmQueues/0/ComputeResources/1/MaxCount").intValue())
        .isEqualTo(16);
  }

  @Test
  void setsByNameAndChangesNothingElse() {
    ObjectNode tree =
        apply("Scheduling.SlurmQueues[debug].ComputeResources[small].InstanceType", "t3.micro");
    ObjectNode expected = SafeYaml.parseMapping(CONFIG.replace("t3.small", "t3.micro"));
    assertThat(tree).isEqualTo(expected);
  }

  @Test
  void selectsTagsByKeyAsParallelClusterDoes() {
    ObjectNode tree = apply("Tags[team].Value", "hpc-ops");
    assertThat(at(tree, "/Tags/0/Value").asText()).isEqualTo("hpc-ops");
  }

  @Test
  void selectsInstancesByInstanceTypeAndPoliciesByPolicy() {
    ObjectNode tree =
        SafeYaml.parseMapping(
            """
            HeadNode:
              Iam:
                AdditionalIamPolicies:
                  - Policy: arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore
                S3Access:
                  - BucketName: my.bucket
                    EnableWriteAccess: false
            Scheduling:
              SlurmQueues:
                - Name: q
                  ComputeResources:
                    - Name: flex
                      Instances:
                        - InstanceType: c6i.large
                        - InstanceType: c6a.large
            """);
    ConfigOverride.of(
            "Scheduling.SlurmQueues[q].ComputeResources[flex].Instances[c6a.large].InstanceType",
            "c7a.large")
        .applyTo(tree);
    ConfigOverride.of("HeadNode.Iam.S3Access[my.bucket].EnableWriteAccess", "true").applyTo(tree);
    ConfigOverride.of(
            "HeadNode.Iam.AdditionalIamPolicies[arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore]",
            null)
        .applyTo(tree);
    assertThat(
            tree.at("/Scheduling/SlurmQueues/0/ComputeResources/0/Instances/1/InstanceType")
                .asText())
        .isEqualTo("c7a.large");
    assertThat(tree.at("/HeadNode/Iam/S3Access/0/EnableWriteAccess").isBoolean()).isTrue();
    assertThat(tree.at("/HeadNode/Iam/S3Access/0/EnableWriteAccess").booleanValue()).isTrue();
    assertThat(tree.at("/HeadNode/Iam/AdditionalIamPolicies").size()).isZero();
  }

  @Test
  void createsMissingMappingsOnTheWay() {
    ObjectNode tree = apply("HeadNode.LocalStorage.RootVolume.Size", 64);
    assertThat(at(tree, "/HeadNode/LocalStorage/RootVolume/Size").intValue()).isEqualTo(64);
    ObjectNode fresh = apply("Monitoring.Logs.CloudWatch.Enabled", true);
    assertThat(at(fresh, "/Monitoring/Logs/CloudWatch/Enabled").booleanValue()).isTrue();
  }

  @Test
  void replacesAYamlNullOnTheWayByAMapping() {
    ObjectNode tree = apply("HeadNode.Ssh.KeyName", "ops-key");
    assertThat(at(tree, "/HeadNode/Ssh/KeyName").asText()).isEqualTo("ops-key");
  }

  @Test
  void textBecomesANumberWhereTheTemplateHasANumber() {
    JsonNode maxCount =
        at(
            apply("Scheduling.SlurmQueues[batch].ComputeResources[c6i].MaxCount", " 12 "),
            "/Scheduling/SlurmQueues/0/ComputeResources/0/MaxCount");
    assertThat(maxCount.isInt()).isTrue();
    assertThat(maxCount.intValue()).isEqualTo(12);
    JsonNode decimal =
        at(
            apply("Scheduling.SlurmQueues[batch].ComputeResources[c6i].MaxCount", "0.5"),
            "/Scheduling/SlurmQueues/0/ComputeResources/0/MaxCount");
    assertThat(decimal.isDouble()).isTrue();
    JsonNode huge =
        at(
            apply(
                "Scheduling.SlurmQueues[batch].ComputeResources[c6i].MaxCount",
                "123456789012345678901234"),
            "/Scheduling/SlurmQueues/0/ComputeResources/0/MaxCount");
    assertThat(huge.bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234"));
  }

  @Test
  void textThatIsNotANumberIsAnErrorWhereTheTemplateHasANumber() {
    assertThatThrownBy(
            () -> apply("Scheduling.SlurmQueues[batch].ComputeResources[c6i].MaxCount", "eight"))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "cannot set 'Scheduling.SlurmQueues[batch].ComputeResources[c6i].MaxCount' to 'eight':"
                + " the template has a number there");
    assertThatThrownBy(
            () -> apply("Scheduling.SlurmQueues[0].ComputeResources[0].MaxCount", "8; rm -rf /"))
        .hasMessageContaining("has a number there");
    assertThatThrownBy(
            () -> apply("Scheduling.SlurmQueues[0].ComputeResources[0].MaxCount", "0x10"))
        .hasMessageContaining("has a number there");
  }

  @Test
  void textBecomesABooleanWhereTheTemplateHasABoolean() {
    String path =
        "Scheduling.SlurmQueues[batch].ComputeResources[c6i].DisableSimultaneousMultithreading";
    String pointer =
        "/Scheduling/SlurmQueues/0/ComputeResources/0/DisableSimultaneousMultithreading";
    assertThat(at(apply(path, "TRUE"), pointer).isBoolean()).isTrue();
    assertThat(at(apply(path, "TRUE"), pointer).booleanValue()).isTrue();
    assertThatThrownBy(() -> apply(path, "yes"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("the template has a boolean there (true or false)");
  }

  @Test
  void textStaysTextElsewhere() {
    JsonNode value = at(apply("HeadNode.InstanceType", "8"), "/HeadNode/InstanceType");
    assertThat(value.isTextual()).isTrue();
    assertThat(at(apply("HeadNode.Dcv.Enabled", "true"), "/HeadNode/Dcv/Enabled").isTextual())
        .isTrue();
  }

  @Test
  void javaNumbersAndBooleansStayTyped() {
    assertThat(at(apply("HeadNode.InstanceType", 8), "/HeadNode/InstanceType").isInt()).isTrue();
    assertThat(at(apply("HeadNode.Count", 8L), "/HeadNode/Count").isInt()).isTrue();
    assertThat(at(apply("HeadNode.Count", Long.MAX_VALUE), "/HeadNode/Count").isLong()).isTrue();
    assertThat(at(apply("HeadNode.Count", new AtomicLong(5)), "/HeadNode/Count").isInt()).isTrue();
    assertThat(at(apply("HeadNode.Count", new BigDecimal("100")), "/HeadNode/Count").isInt())
        .isTrue();
    assertThat(at(apply("HeadNode.Price", new BigDecimal("0.25")), "/HeadNode/Price").doubleValue())
        .isEqualTo(0.25);
    assertThat(at(apply("HeadNode.Price", 0.1f), "/HeadNode/Price").doubleValue()).isEqualTo(0.1);
    assertThat(at(apply("HeadNode.On", Boolean.TRUE), "/HeadNode/On").isBoolean()).isTrue();
  }

  @Test
  void rejectsNonFiniteNumbers() {
    assertThatThrownBy(() -> apply("HeadNode.Price", Double.NaN))
        .isInstanceOf(TemplateException.class)
        .hasMessage("value for 'HeadNode.Price' is not a finite number");
    assertThatThrownBy(() -> apply("HeadNode.Price", Float.POSITIVE_INFINITY))
        .hasMessageContaining("not a finite number");
  }

  @Test
  void nullRemovesKeysAndListItems() {
    assertThat(apply("HeadNode.InstanceType", null).get("HeadNode").has("InstanceType")).isFalse();
    ObjectNode tree = apply("Scheduling.SlurmQueues[batch].ComputeResources[gpu]", null);
    assertThat(tree.at("/Scheduling/SlurmQueues/0/ComputeResources").size()).isEqualTo(1);
    assertThat(tree.at("/Scheduling/SlurmQueues/0/ComputeResources/0/Name").asText())
        .isEqualTo("c6i");
    assertThat(
            apply("Scheduling.SlurmQueues[0]", null).at("/Scheduling/SlurmQueues/0/Name").asText())
        .isEqualTo("debug");
  }

  @Test
  void removingWhatIsAbsentChangesNothing() {
    ObjectNode original = SafeYaml.parseMapping(CONFIG);
    assertThat(apply("HeadNode.Dcv", null)).isEqualTo(original);
    assertThat(apply("Imds.Secured.Deeper", null)).isEqualTo(original);
    assertThat(apply("HeadNode.Ssh.KeyName", null)).isEqualTo(original);
  }

  @Test
  void removingAnUnknownItemIsStillAnError() {
    assertThatThrownBy(() -> apply("Scheduling.SlurmQueues[nope]", null))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("no item with Name 'nope'");
  }

  @Test
  void indexOutOfRangeIsAnError() {
    assertThatThrownBy(() -> apply("Scheduling.SlurmQueues[2].Name", "x"))
        .isInstanceOf(TemplateException.class)
        .hasMessage("no item 2 in 'Scheduling.SlurmQueues': it has 2 items (use [+] to append)");
    assertThatThrownBy(() -> apply("Scheduling.SlurmQueues[0].ComputeResources[5]", Map.of()))
        .hasMessageContaining("no item 5 in 'Scheduling.SlurmQueues[0].ComputeResources'");
  }

  @Test
  void unknownNameIsAnErrorListingTheNames() {
    assertThatThrownBy(() -> apply("Scheduling.SlurmQueues[gpu].ComputeResources[c6i].MaxCount", 4))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "no item with Name 'gpu' in 'Scheduling.SlurmQueues'; its items are ['batch', 'debug']");
    assertThatThrownBy(() -> apply("Tags[owner].Value", "me"))
        .hasMessage("no item with Key 'owner' in 'Tags'; its items are ['team']");
  }

  @Test
  void duplicateNamesMustBeSelectedByIndex() {
    ObjectNode tree = SafeYaml.parseMapping("Q:\n  - Name: a\n  - Name: a\n");
    assertThatThrownBy(() -> ConfigOverride.of("Q[a].X", 1).applyTo(tree))
        .isInstanceOf(TemplateException.class)
        .hasMessage("'Q' has 2 items with Name 'a'; select one by index");
  }

  @Test
  void aListCannotBeCreatedByIndexOrName() {
    assertThatThrownBy(() -> apply("SharedStorage[0].Name", "x"))
        .isInstanceOf(TemplateException.class)
        .hasMessage("cannot set 'SharedStorage[0].Name': there is no list at 'SharedStorage'");
    assertThatThrownBy(() -> apply("SharedStorage[scratch].Name", "x"))
        .hasMessageContaining("there is no list at 'SharedStorage'");
  }

  @Test
  void appendAddsAnItemAndCreatesTheList() {
    Map<String, Object> queue = new LinkedHashMap<>();
    queue.put("Name", "gpu");
    queue.put(
        "ComputeResources",
        List.of(Map.of("Name", "g5", "InstanceType", "g5.xlarge", "MaxCount", 2)));
    ObjectNode tree = apply("Scheduling.SlurmQueues[+]", queue);
    assertThat(tree.at("/Scheduling/SlurmQueues").size()).isEqualTo(3);
    assertThat(tree.at("/Scheduling/SlurmQueues/2/ComputeResources/0/MaxCount").intValue())
        .isEqualTo(2);

    ObjectNode storage =
        apply("SharedStorage[+]", Map.of("Name", "scratch", "MountDir", "/scratch"));
    assertThat(storage.at("/SharedStorage/0/MountDir").asText()).isEqualTo("/scratch");

    ObjectNode subnets =
        apply("Scheduling.SlurmQueues[batch].Networking.SubnetIds[+]", "subnet-0a1b2c3d");
    assertThat(subnets.at("/Scheduling/SlurmQueues/0/Networking/SubnetIds/0").asText())
        .isEqualTo("subnet-0a1b2c3d");
  }

  @Test
  void appendCannotRemove() {
    assertThatThrownBy(() -> ConfigOverride.of("Scheduling.SlurmQueues[+]", null))
        .isInstanceOf(TemplateException.class)
        .hasMessage("cannot remove 'Scheduling.SlurmQueues[+]': [+] only appends a value");
  }

  @Test
  void setsMappingsAndListsFromJavaCollectionsAndJacksonNodes() {
    List<Object> withNull = new ArrayList<>();
    withNull.add("subnet-1");
    withNull.add(null);
    ObjectNode tree = apply("HeadNode.Networking", Map.of("SubnetIds", withNull));
    assertThat(tree.at("/HeadNode/Networking/SubnetIds/1").isNull()).isTrue();
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("Enabled", true);
    ObjectNode withNode = apply("HeadNode.Dcv", node);
    node.put("Enabled", false);
    assertThat(withNode.at("/HeadNode/Dcv/Enabled").booleanValue())
        .as("copied, not shared")
        .isTrue();
  }

  @Test
  void rejectsUnsupportedValueTypes() {
    assertThatThrownBy(() -> apply("HeadNode.Timeout", Duration.ofMinutes(5)))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "value for 'HeadNode.Timeout' is a java.time.Duration; use text, a number, a boolean, a map or a list");
    assertThatThrownBy(() -> apply("HeadNode.Bad", Map.of(1, "x")))
        .hasMessageContaining("a map with a key that is not text: java.lang.Integer");
  }

  @Test
  void rejectsCyclicValues() {
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    assertThatThrownBy(() -> apply("HeadNode.Loop", cycle))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("nested deeper than 64 levels");
  }

  @Test
  void cannotChangeTheKindOfWhatItReplaces() {
    assertThatThrownBy(() -> apply("Scheduling.SlurmQueues", "batch"))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "cannot set 'Scheduling.SlurmQueues' to a string: the template has a list there"
                + " (set it to null first to replace it)");
    assertThatThrownBy(() -> apply("HeadNode.InstanceType", Map.of("a", "b")))
        .hasMessageContaining("to a mapping: the template has a string there");
    assertThatThrownBy(() -> apply("Scheduling.SlurmQueues", Map.of("a", "b")))
        .hasMessageContaining("to a mapping: the template has a list there");
  }

  @Test
  void replacesAContainerByOneOfTheSameKind() {
    ObjectNode tree = apply("Scheduling.SlurmQueues", List.of(Map.of("Name", "only")));
    assertThat(tree.at("/Scheduling/SlurmQueues").size()).isEqualTo(1);
  }

  @Test
  void cannotStepThroughAScalar() {
    assertThatThrownBy(() -> apply("HeadNode.InstanceType.Size", 1))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "cannot reach 'HeadNode.InstanceType.Size': 'HeadNode.InstanceType' is a string, not a mapping");
    assertThatThrownBy(() -> apply("HeadNode[0]", 1))
        .hasMessage("cannot reach 'HeadNode[0]': 'HeadNode' is a mapping, not a list");
    assertThatThrownBy(() -> apply("Scheduling.SlurmQueues.Name", 1))
        .hasMessage(
            "cannot reach 'Scheduling.SlurmQueues.Name': 'Scheduling.SlurmQueues' is a list, not a mapping");
  }

  @Test
  void aPathMustStartWithAKey() {
    assertThatThrownBy(() -> new ConfigOverride(ConfigPath.root(), 1))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("must start with a key");
    assertThatThrownBy(
            () -> new ConfigOverride(ConfigPath.root().append(new ConfigPath.Index(0)), 1))
        .hasMessageContaining("must start with a key");
  }

  @Test
  void keysWithOddCharactersAreReachedWhenQuoted() {
    ObjectNode tree = apply("DevSettings.\"odd.key: with colon\"", "v");
    assertThat(tree.get("DevSettings").get("odd.key: with colon").asText()).isEqualTo("v");
  }
}
