package io.camelpcluster.pcluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.pcluster.api.NotFoundException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

/** Routes written in the YAML DSL (src/test/resources/pcluster-component/routes.yaml). */
class YamlDslRoutesTest extends PclusterTestSupport {

  @Override
  protected void doPostSetup() throws Exception {
    Resource routes =
        PluginHelper.getResourceLoader(context)
            .resolveResource("classpath:pcluster-component/routes.yaml");
    PluginHelper.getRoutesLoader(context).loadRoutes(routes);
  }

  @Test
  void createsAClusterFromATemplateAndWaits() throws Exception {
    String name = uniqueName("yaml");

    Exchange exchange =
        send(
            "direct:yaml-create",
            null,
            Map.of(
                "name",
                name,
                "maxNodes",
                6,
                "headNodeType",
                "t3.medium",
                "team",
                "hpc",
                "arg",
                "-v"));

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("CREATE_COMPLETE");
    ObjectNode config = storedConfiguration(name);
    assertThat(config.at("/Scheduling/SlurmQueues/0/ComputeResources/0/MinCount").asInt())
        .isEqualTo(1);
    assertThat(config.at("/Scheduling/SlurmQueues/0/ComputeResources/0/MaxCount").asInt())
        .isEqualTo(6);
    assertThat(config.get("Tags").findValuesAsText("Value")).contains("yaml-route");
  }

  @Test
  void catchesAFailedCreation() {
    String name = uniqueName("yamlfail");

    Exchange exchange =
        send(
            "direct:yaml-guarded-create",
            ClusterYaml.slurm("c6i.humongous", 0),
            Map.of(PclusterConstants.CLUSTER_NAME, name));

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody(String.class))
        .startsWith("failed: ")
        .contains(name)
        .contains("c6i.humongous");
  }

  @Test
  void describesThenDeletesWithTheOperationHeader() {
    String name = createdCluster("yamldel");

    Exchange exchange =
        send("direct:yaml-delete", null, Map.of(PclusterConstants.CLUSTER_NAME, name));
    Exchange describe =
        send("pcluster:describeCluster", null, Map.of(PclusterConstants.CLUSTER_NAME, name));

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("DELETE_COMPLETE");
    assertThat(describe.getException()).isInstanceOf(NotFoundException.class);
  }
}
