package io.camelpcluster.pcluster.api.model;

/**
 * ListOfficialImages: {@code GET /v3/images/official}.
 *
 * @param os e.g. {@code alinux2023}, or null for all
 * @param architecture {@code x86_64} or {@code arm64}, or null for both
 */
public record ListOfficialImagesRequest(String region, String os, String architecture) {

  public static ListOfficialImagesRequest all() {
    return new ListOfficialImagesRequest(null, null, null);
  }

  public ListOfficialImagesRequest withRegion(String region) {
    return new ListOfficialImagesRequest(region, os, architecture);
  }

  public ListOfficialImagesRequest withOs(String os) {
    return new ListOfficialImagesRequest(region, os, architecture);
  }

  public ListOfficialImagesRequest withArchitecture(String architecture) {
    return new ListOfficialImagesRequest(region, os, architecture);
  }
}
