package io.camelpcluster.pcluster;

import org.apache.camel.spi.Metadata;

/** Message headers of the {@code pcluster:} component. */
public final class PclusterConstants {

  @Metadata(
      description = "The operation to perform, overriding the endpoint's",
      javaType = "String")
  public static final String OPERATION = "CamelPclusterOperation";

  @Metadata(description = "The cluster name", javaType = "String")
  public static final String CLUSTER_NAME = "CamelPclusterClusterName";

  private PclusterConstants() {}
}
