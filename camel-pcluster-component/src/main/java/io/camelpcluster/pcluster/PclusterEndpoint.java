package io.camelpcluster.pcluster;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/** Manage AWS ParallelCluster clusters, custom images and Slurm jobs. */
@UriEndpoint(
    firstVersion = "0.1.0",
    scheme = "pcluster",
    title = "AWS ParallelCluster",
    syntax = "pcluster:operation",
    category = {Category.CLOUD, Category.MANAGEMENT},
    headersClass = PclusterConstants.class)
public class PclusterEndpoint extends DefaultEndpoint {

  @UriParam private PclusterConfiguration configuration;

  public PclusterEndpoint(
      String uri, PclusterComponent component, PclusterConfiguration configuration) {
    super(uri, component);
    this.configuration = configuration;
  }

  @Override
  public Producer createProducer() {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public Consumer createConsumer(Processor processor) {
    throw new UnsupportedOperationException("not yet");
  }

  public PclusterConfiguration getConfiguration() {
    return configuration;
  }
}
