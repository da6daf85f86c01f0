package io.camelpcluster.pcluster.api.model;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * BuildImage: {@code POST /v3/images/custom}. The dry run is a separate client method.
 *
 * @param imageId 2-128 characters: a letter, then letters, digits and hyphens
 * @param imageConfiguration the image's YAML document, sent as is
 * @param suppressValidators {@code ALL} or {@code type:<ValidatorName>} items
 * @param validationFailureLevel the lowest finding level that fails the request, or null
 * @param rollbackOnFailure whether a failed build stack rolls back (service default false), or null
 */
public record BuildImageRequest(
    String imageId,
    String imageConfiguration,
    String region,
    Set<String> suppressValidators,
    ValidationLevel validationFailureLevel,
    Boolean rollbackOnFailure) {

  public BuildImageRequest {
    suppressValidators = ModelLists.copy(suppressValidators);
  }

  /** A request with the service defaults. */
  public static BuildImageRequest of(String imageId, String imageConfiguration) {
    return builder().imageId(imageId).imageConfiguration(imageConfiguration).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public BuildImageRequest withRegion(String region) {
    return new BuildImageRequest(
        imageId,
        imageConfiguration,
        region,
        suppressValidators,
        validationFailureLevel,
        rollbackOnFailure);
  }

  @Override
  public String toString() {
    return "BuildImageRequest[imageId="
        + imageId
        + ", imageConfiguration="
        + ModelText.abbreviate(imageConfiguration)
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

  /** Builds a {@link BuildImageRequest}. */
  public static final class Builder {
    private String imageId;
    private String imageConfiguration;
    private String region;
    private final Set<String> suppressValidators = new LinkedHashSet<>();
    private ValidationLevel validationFailureLevel;
    private Boolean rollbackOnFailure;

    private Builder() {}

    public Builder imageId(String imageId) {
      this.imageId = imageId;
      return this;
    }

    public Builder imageConfiguration(String imageConfiguration) {
      this.imageConfiguration = imageConfiguration;
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

    public BuildImageRequest build() {
      return new BuildImageRequest(
          imageId,
          imageConfiguration,
          region,
          suppressValidators,
          validationFailureLevel,
          rollbackOnFailure);
    }
  }
}
