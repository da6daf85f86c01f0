package io.camelpcluster.pcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelpcluster.pcluster.headnode.TestHeadNodes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A job route in the YAML DSL (src/test/resources/pcluster-component/job-routes.yaml) on the local
 * Slurm: a job that completes, and one that fails, caught with its exit code and output.
 */
class JobRoutesTest extends PclusterTestSupport {

  @BeforeAll
  static void assumeSlurm() {
    TestHeadNodes.assumeLocalSlurm();
  }

  @Override
  protected CamelContext createCamelContext() throws Exception {
    CamelContext context = super.createCamelContext();
    PclusterConfiguration configuration =
        context.getComponent("pcluster", PclusterComponent.class).getConfiguration();
    configuration.setPollInterval(Duration.ofMillis(250));
    configuration.setWaitTimeout(Duration.ofMinutes(2));
    return context;
  }

  @Override
  protected void doPostSetup() throws Exception {
    Resource routes =
        PluginHelper.getResourceLoader(context)
            .resolveResource("classpath:pcluster-component/job-routes.yaml");
    PluginHelper.getRoutesLoader(context).loadRoutes(routes);
  }

  @Test
  void aJobThatCompletes() {
    Exchange exchange =
        send(
            "direct:yaml-job",
            List.of("sh", "-c", "test \"$DATASET\" = /shared/datasets/nightly"),
            Map.of());

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody(String.class)).matches("job \\d+ completed on \\S+");
  }

  @Test
  void aJobThatFailsIsCaught() {
    Exchange exchange =
        send(
            "direct:yaml-job",
            "#!/bin/sh\necho \"no such dataset: $DATASET\" >&2\nexit 7\n",
            Map.of());

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody(String.class))
        .isEqualTo("ended FAILED, exit 7: no such dataset: /shared/datasets/nightly\n");
  }
}
