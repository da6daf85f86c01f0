package io.camelpcluster.pcluster;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/** Options of a {@code pcluster:} endpoint; component-level values are the defaults. */
@UriParams
public class PclusterConfiguration implements Cloneable {

  @UriPath(description = "The operation to perform")
  @Metadata(required = true)
  private PclusterOperations operation;

  @UriParam(description = "The AWS region the operations act on (the `region` query parameter)")
  private String region;

  @UriParam(label = "security", secret = true, description = "Amazon AWS Access Key")
  private String accessKey;

  @UriParam(label = "security", secret = true, description = "Amazon AWS Secret Key")
  private String secretKey;

  public PclusterOperations getOperation() {
    return operation;
  }

  public void setOperation(PclusterOperations operation) {
    this.operation = operation;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getAccessKey() {
    return accessKey;
  }

  public void setAccessKey(String accessKey) {
    this.accessKey = accessKey;
  }

  public String getSecretKey() {
    return secretKey;
  }

  public void setSecretKey(String secretKey) {
    this.secretKey = secretKey;
  }

  /** A copy for one endpoint. */
  public PclusterConfiguration copy() {
    try {
      return (PclusterConfiguration) clone();
    } catch (CloneNotSupportedException e) {
      throw new RuntimeCamelException(e);
    }
  }
}
