package io.camelpcluster.pcluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.pcluster.api.model.DryRunResult;
import io.camelpcluster.pcluster.template.ClusterTemplate;
import io.camelpcluster.pcluster.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest extends PclusterTestSupport {

  private static final String TEMPLATE = "classpath:pcluster-component/team-slurm.yaml";

  @Test
  void classpathTemplateFilledFromTheExchangeWithOverridesAndTags() throws Exception {
    String name = uniqueName("tpl");
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("Scheduling.SlurmQueues[batch].ComputeResources[cr1].MinCount", 1);

    Exchange exchange =
        sendWithSubnet(
            "pcluster:createCluster?configTemplate="
                + TEMPLATE
                + "&configOverrides.Scheduling.SlurmSettings.ScaledownIdletime=15"
                + "&clusterTags.owner=alice&clusterTags.workflow=wf-1",
            headers(
                PclusterConstants.CLUSTER_NAME,
                name,
                "maxNodes",
                12,
                PclusterConstants.CONFIG_OVERRIDES,
                overrides,
                PclusterConstants.CONFIG_OVERRIDE_PREFIX + "HeadNode.Ssh.KeyName",
                "team-key",
                PclusterConstants.CLUSTER_TAGS,
                Map.of("workflow", "wf-2", "run", "r-7")));

    assertThat(exchange.getException()).isNull();
    ObjectNode config = storedConfiguration(name);
    assertThat(config.at("/HeadNode/InstanceType").asText()).isEqualTo("t3.medium");
    assertThat(config.at("/HeadNode/Networking/SubnetId").asText())
        .isEqualTo("subnet-0a1b2c3d4e5f67890");
    assertThat(config.at("/HeadNode/Ssh/KeyName").asText()).isEqualTo("team-key");
    assertThat(config.at("/HeadNode/CustomActions/OnNodeConfigured/Args/1").asText())
        .isEqualTo("literal ${not-a-placeholder}");
    JsonNode resource = config.at("/Scheduling/SlurmQueues/0/ComputeResources/0");
    assertThat(resource.get("MaxCount").isInt()).isTrue();
    assertThat(resource.get("MaxCount").asInt()).isEqualTo(12);
    assertThat(resource.get("MinCount").asInt()).isEqualTo(1);
    assertThat(config.at("/Scheduling/SlurmSettings/ScaledownIdletime").asInt()).isEqualTo(15);
    assertThat(tags(config))
        .containsEntry("team", "hpc-hpc")
        .containsEntry("owner", "alice")
        .containsEntry("workflow", "wf-2")
        .containsEntry("run", "r-7");
  }

  @Test
  void hostileHeaderValuesStayPlainStrings() throws Exception {
    String name = uniqueName("hostile");
    String hostile =
        "x\": y\n- injected: true\nTags: [{Key: evil}]\n&anchor *alias !!java.lang.Runtime"
            + " {a: b} ${header.maxNodes} $(rm -rf /) `id` | ; \u2028 ünï 中文 🚀 #comment ---\n...";

    Exchange exchange =
        sendWithSubnet(
            "pcluster:createCluster?configTemplate=" + TEMPLATE,
            headers(PclusterConstants.CLUSTER_NAME, name, "arg", hostile, "maxNodes", 4));

    assertThat(exchange.getException()).isNull();
    ObjectNode config = storedConfiguration(name);
    assertThat(config.at("/HeadNode/CustomActions/OnNodeConfigured/Args/0").asText())
        .isEqualTo(hostile);
    assertThat(config.has("injected")).isFalse();
    assertThat(tags(config)).doesNotContainKey("evil");
  }

  @Test
  void tenKilobyteHeaderValueStaysOneString() throws Exception {
    String name = uniqueName("big");
    String big = "a: b\n".repeat(2048);

    Exchange exchange =
        sendWithSubnet(
            "pcluster:createCluster?configTemplate=" + TEMPLATE,
            headers(PclusterConstants.CLUSTER_NAME, name, "arg", big, "maxNodes", 4));

    assertThat(exchange.getException()).isNull();
    assertThat(
            storedConfiguration(name)
                .at("/HeadNode/CustomActions/OnNodeConfigured/Args/0")
                .asText())
        .isEqualTo(big);
  }

  @Test
  void hostileOverrideValueCannotChangeTheKindOfAValue() {
    Exchange exchange =
        sendWithSubnet(
            "pcluster:createCluster?configTemplate=" + TEMPLATE,
            headers(
                PclusterConstants.CLUSTER_NAME,
                uniqueName("kind"),
                "maxNodes",
                4,
                PclusterConstants.CONFIG_OVERRIDE_PREFIX
                    + "Scheduling.SlurmQueues[0].ComputeResources[0].MaxCount",
                "8\nHeadNode: {}"));

    assertThat(exchange.getException())
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("MaxCount");
  }

  @Test
  void unresolvedPlaceholderNamesItsPath() {
    Exchange exchange =
        sendWithSubnet(
            "pcluster:createCluster?configTemplate=" + TEMPLATE,
            headers(PclusterConstants.CLUSTER_NAME, uniqueName("unresolved")));

    assertThat(exchange.getException())
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("${header.maxNodes}")
        .hasMessageContaining("MaxCount");
  }

  @Test
  void placeholdersCanBeLeftAlone() throws Exception {
    String name = uniqueName("literal");
    context
        .getRegistry()
        .bind(
            "literal",
            ClusterYaml.slurm(0)
                .replace(
                    "HeadNode:\n",
                    "HeadNode:\n  CustomActions:\n    OnNodeStart:\n      Script: s3://b/s.sh\n"
                        + "      Args: ['${HOME}']\n"));

    Exchange exchange =
        send(
            "pcluster:createCluster?resolvePlaceholders=false&configTemplate=bean:literal",
            null,
            headers(PclusterConstants.CLUSTER_NAME, name));

    assertThat(exchange.getException()).isNull();
    assertThat(storedConfiguration(name).at("/HeadNode/CustomActions/OnNodeStart/Args/0").asText())
        .isEqualTo("${HOME}");
  }

  @Test
  void fileTemplate(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cluster.yaml");
    Files.writeString(file, ClusterYaml.slurm(0));

    Exchange exchange =
        send(
            "pcluster:createCluster?dryrun=true&configTemplate=file:" + file,
            "the body is not the configuration",
            headers(PclusterConstants.CLUSTER_NAME, uniqueName("file")));

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody()).isInstanceOf(DryRunResult.class);
  }

  @Test
  void beanTemplatesFromOptionAndHeader() {
    context.getRegistry().bind("textTemplate", ClusterYaml.slurm(0));
    context.getRegistry().bind("parsedTemplate", ClusterTemplate.parse(ClusterYaml.slurm(0)));

    Exchange fromOption =
        send(
            "pcluster:createCluster?dryrun=true&configTemplate=#bean:textTemplate",
            null,
            headers(PclusterConstants.CLUSTER_NAME, uniqueName("bean")));
    Exchange fromHeader =
        send(
            "pcluster:createCluster?dryrun=true",
            null,
            headers(
                PclusterConstants.CLUSTER_NAME,
                uniqueName("bean"),
                PclusterConstants.CONFIG_TEMPLATE,
                "bean:parsedTemplate"));
    Exchange missing =
        send(
            "pcluster:createCluster?dryrun=true&configTemplate=bean:noSuchBean",
            null,
            headers(PclusterConstants.CLUSTER_NAME, uniqueName("bean")));

    assertThat(fromOption.getMessage().getBody()).isInstanceOf(DryRunResult.class);
    assertThat(fromHeader.getMessage().getBody()).isInstanceOf(DryRunResult.class);
    assertThat(missing.getException())
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("noSuchBean")
        .hasMessageContaining("not found");
  }

  @Test
  void aClusterTemplateBodyIsUsedAsIs() {
    Exchange exchange =
        send(
            "pcluster:createCluster?dryrun=true",
            ClusterTemplate.parse(ClusterYaml.slurm(0)),
            headers(PclusterConstants.CLUSTER_NAME, uniqueName("body")));

    assertThat(exchange.getMessage().getBody()).isInstanceOf(DryRunResult.class);
  }

  @Test
  void twoSourcesAtOnceAreRefused() {
    Exchange exchange =
        send(
            "pcluster:createCluster?configTemplate=" + TEMPLATE,
            null,
            headers(
                PclusterConstants.CLUSTER_NAME, uniqueName("two"),
                PclusterConstants.CLUSTER_CONFIGURATION, ClusterYaml.slurm(0),
                PclusterConstants.CONFIG_TEMPLATE, TEMPLATE));
    Exchange options =
        send(
            "pcluster:createCluster?configTemplate=" + TEMPLATE + "&clusterConfiguration=Image:",
            null,
            headers(PclusterConstants.CLUSTER_NAME, uniqueName("two")));

    assertThat(exchange.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
    assertThat(options.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
  }

  @Test
  void noConfigurationAtAllIsExplained() {
    Exchange exchange =
        send("pcluster:createCluster", null, headers(PclusterConstants.CLUSTER_NAME, "c1"));

    assertThat(exchange.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a configuration")
        .hasMessageContaining("configTemplate");
  }

  @Test
  void yamlBombInTheBodyIsRefused() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x]\n");
    for (int i = 0; i < 30; i++) {
      bomb.append("b").append(i).append(": &b").append(i).append(" [*a, *a]\n");
    }

    Exchange exchange =
        send(
            "pcluster:createCluster",
            bomb.toString(),
            headers(PclusterConstants.CLUSTER_NAME, "c1"));

    assertThat(exchange.getException()).isInstanceOf(TemplateException.class);
  }

  @Test
  void appendMarkerFromTheUriKeepsItsMeaning() throws Exception {
    String name = uniqueName("append");

    Exchange exchange =
        send(
            "pcluster:createCluster?configOverrides.Scheduling.SlurmQueues[batch].Networking"
                + ".SubnetIds[+]=subnet-0a1b2c3d4e5f67891",
            ClusterYaml.slurm(0),
            headers(PclusterConstants.CLUSTER_NAME, name));

    assertThat(exchange.getException()).isNull();
    assertThat(
            storedConfiguration(name)
                .at("/Scheduling/SlurmQueues/0/Networking/SubnetIds/1")
                .asText())
        .isEqualTo("subnet-0a1b2c3d4e5f67891");
  }

  private Exchange sendWithSubnet(String uri, Map<String, Object> headers) {
    return template.send(
        uri,
        exchange -> {
          exchange.setProperty("subnet", "subnet-0a1b2c3d4e5f67890");
          exchange.getMessage().setHeaders(new HashMap<>(headers));
          exchange.getMessage().setHeader("headNodeType", "t3.medium");
          exchange.getMessage().setHeader("team", "hpc");
          exchange.getMessage().setHeader("arg", headers.getOrDefault("arg", "--verbose"));
        });
  }

  private static Map<String, Object> headers(Object... pairs) {
    Map<String, Object> headers = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      headers.put((String) pairs[i], pairs[i + 1]);
    }
    return headers;
  }

  private static Map<String, String> tags(ObjectNode config) {
    Map<String, String> tags = new LinkedHashMap<>();
    config.get("Tags").forEach(tag -> tags.put(tag.get("Key").asText(), tag.get("Value").asText()));
    return tags;
  }
}
