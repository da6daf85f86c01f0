package io.camelpcluster.pcluster.api.model;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * UpdateCluster: {@code PUT /v3/clusters/{clusterName}}. The dry run is a separate client method.
 *
 * @param clusterConfiguration the complete new YAML document (not a patch), sent as is
 * @param suppressValidators {@code ALL} or {@code type:<ValidatorName>} items
 * @param validationFailureLevel the lowest finding level that fails the request, or null
 * @param forceUpdate whether to ignore update-policy errors and the "no changes" check, or null
 */
public record UpdateClusterRequest(
    String clusterName,
    String clusterConfiguration,
    String region,
    Set<String> suppressValidators,
    ValidationLevel validationFailureLevel,
    Boolean forceUpdate) {

  public UpdateClusterRequest {
    suppressValidators = ModelLists.copy(suppressValidators);
  }

  /** A request with the service defaults. */
  public static UpdateClusterRequest of(String clusterName, String clusterConfiguration) {
    return builder().clusterName(clusterName).clusterConfiguration(clusterConfiguration).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public UpdateClusterRequest withRegion(String region) {
    return new UpdateClusterRequest(
        clusterName,
        clusterConfiguration,
        region,
        suppressValidators,
        validationFailureLevel,
        forceUpdate);
  }

  @Override
  public String toString() {
    return "UpdateClusterRequest[clusterName="
        + clusterName
        + ", clusterConfiguration="
        + ModelText.abbreviate(clusterConfiguration)
        + ", region="
        + region
        + ", suppressValidators="
        + suppressValidators
        + ", validationFailureLevel="
        + validationFailureLevel
        + ", forceUpdate="
        + forceUpdate
        + "]";
  }

  /** Builds an {@link UpdateClusterRequest}. */
  public static final class Builder {
    private String clusterName;
    private String clusterConfiguration;
    private String region;
    private final Set<String> suppressValidators = new LinkedHashSet<>();
    private ValidationLevel validationFailureLevel;
    private Boolean forceUpdate;

    private Builder() {}

    public Builder clusterName(String clusterName) {
      this.clusterName = clusterName;
      return this;
    }

    public Builder clusterConfiguration(String clusterConfiguration) {
      this.clusterConfiguration = clusterConfiguration;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Adds a validator to suppress: {@code ALL} or {@code type:<ValidatorName>}. */
    public Builder suppressValidator(String validator) {
      suppressValidators.add(validator);
      return this;
    }

    public Builder validationFailureLevel(ValidationLevel level) {
      this.validationFailureLevel = level;
      return this;
    }

    public Builder forceUpdate(Boolean forceUpdate) {
      this.forceUpdate = forceUpdate;
      return this;
    }

    public UpdateClusterRequest build() {
      return new UpdateClusterRequest(
          clusterName,
          clusterConfiguration,
          region,
          suppressValidators,
          validationFailureLevel,
          forceUpdate);
    }
  }
}
