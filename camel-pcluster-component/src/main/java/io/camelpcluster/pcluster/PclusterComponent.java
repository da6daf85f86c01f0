package io.camelpcluster.pcluster;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/** The {@code pcluster:} component: AWS ParallelCluster clusters, images and jobs as endpoints. */
@Component("pcluster")
public class PclusterComponent extends DefaultComponent {

  @Metadata private PclusterConfiguration configuration = new PclusterConfiguration();

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    PclusterConfiguration copy = configuration.copy();
    PclusterEndpoint endpoint = new PclusterEndpoint(uri, this, copy);
    setProperties(endpoint, parameters);
    return endpoint;
  }

  /** Component-level defaults that every endpoint inherits. */
  public PclusterConfiguration getConfiguration() {
    return configuration;
  }

  public void setConfiguration(PclusterConfiguration configuration) {
    this.configuration = configuration;
  }
}
