package io.camelpcluster.pcluster.api.model;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * CreateCluster: {@code POST /v3/clusters}. The dry run is a separate client method.
 *
 * @param clusterName 2-60 characters: a letter, then letters, digits and hyphens
 * @param clusterConfiguration the cluster's YAML document, sent as is
 * @param region the region to act on, or null for the client's default (or the YAML's {@code
 *     Region})
 * @param suppressValidators {@code ALL} or {@code type:<ValidatorName>} items
 * @param validationFailureLevel the lowest finding level that fails the request (service default
 *     {@code ERROR}), or null
 * @param rollbackOnFailure whether a failed stack rolls back (service default true), or null
 */
public record CreateClusterRequest(
    String clusterName,
    String clusterConfiguration,
    String region,
    Set<String> suppressValidators,
    ValidationLevel validationFailureLevel,
    Boolean rollbackOnFailure) {

  public CreateClusterRequest {
    suppressValidators = ModelLists.copy(suppressValidators);
  }

  /** A request with the service defaults. */
  public static CreateClusterRequest of(String clusterName, String clusterConfiguration) {
    return builder().clusterName(clusterName).clusterConfiguration(clusterConfiguration).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public CreateClusterRequest withRegion(String region) {
    return new CreateClusterRequest(
        clusterName,
        clusterConfiguration,
        region,
        suppressValidators,
        validationFailureLevel,
        rollbackOnFailure);
  }

  @Override
  public String toString() {
    return "CreateClusterRequest[clusterName="
        + clusterName
        + ", clusterConfiguration="
        + ModelText.abbreviate(clusterConfiguration)
        + ", region="
        + region
        + ", suppressValidators="
        + suppressValidators
        + ", validationFailureLevel="
        + validationFailureLevel
        + ", rollbackOnFailure="
        + rollbackOnFailure
        + "]";
  }

  /** Builds a {@link CreateClusterRequest}. */
  public static final class Builder {
    private String clusterName;
    private String clusterConfiguration;
    private String region;
    private final Set<String> suppressValidators = new LinkedHashSet<>();
    private ValidationLevel validationFailureLevel;
    private Boolean rollbackOnFailure;

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

    public Builder rollbackOnFailure(Boolean rollbackOnFailure) {
      this.rollbackOnFailure = rollbackOnFailure;
      return this;
    }

    public CreateClusterRequest build() {
      return new CreateClusterRequest(
          clusterName,
          clusterConfiguration,
          region,
          suppressValidators,
          validationFailureLevel,
          rollbackOnFailure);
    }
  }
}
