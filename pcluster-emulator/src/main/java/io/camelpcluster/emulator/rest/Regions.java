package io.camelpcluster.emulator.rest;

import io.camelpcluster.emulator.model.ApiException;
import java.util.List;
import java.util.Optional;

/** The regions ParallelCluster supports, and how the API picks the region of an operation. */
public final class Regions {
  /** Supported regions, as the server lists them. */
  public static final List<String> SUPPORTED =
      List.of(
          "af-south-1",
          "ap-east-1",
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ca-central-1",
          "cn-north-1",
          "cn-northwest-1",
          "eu-central-1",
          "eu-north-1",
          "eu-south-1",
          "eu-west-1",
          "eu-west-2",
          "eu-west-3",
          "il-central-1",
          "me-south-1",
          "sa-east-1",
          "us-east-1",
          "us-east-2",
          "us-west-1",
          "us-west-2",
          "us-gov-east-1",
          "us-gov-west-1",
          "us-iso-east-1",
          "us-isob-east-1");

  private final String defaultRegion;

  /**
   * @param defaultRegion the API's own region, used when a request names none
   */
  public Regions(String defaultRegion) {
    this.defaultRegion = defaultRegion;
  }

  /** Whether a region is supported. */
  public static boolean supported(String region) {
    return SUPPORTED.contains(region);
  }

  /** The region of an operation that has only the {@code region} query parameter. */
  public String resolve(QueryParameters query) {
    return resolve(query, null);
  }

  /**
   * The region of an operation whose configuration may also name one (its top-level {@code Region}
   * key, or null): both given and different is a 400.
   */
  public String resolve(QueryParameters query, String configRegion) {
    Optional<String> parameter = query.string("region").filter(r -> !r.isEmpty());
    String fromConfig = configRegion == null || configRegion.isEmpty() ? null : configRegion;
    if (parameter.isPresent() && fromConfig != null && !parameter.get().equals(fromConfig)) {
      throw ApiException.badRequest(
          "region is set in both parameter and configuration and conflicts.");
    }
    String region = parameter.orElse(fromConfig != null ? fromConfig : defaultRegion);
    if (region == null || region.isEmpty()) {
      throw ApiException.badRequest("region needs to be set");
    }
    if (!supported(region)) {
      throw ApiException.badRequest("invalid or unsupported region '" + region + "'");
    }
    return region;
  }
}
