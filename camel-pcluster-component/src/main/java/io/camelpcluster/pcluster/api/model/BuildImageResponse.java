package io.camelpcluster.pcluster.api.model;

import java.util.List;

/**
 * The answer to BuildImage.
 *
 * @param image the image, normally in {@code BUILD_IN_PROGRESS}
 * @param validationMessages findings below the validation failure level
 */
public record BuildImageResponse(
    ImageInfoSummary image, List<ConfigValidationMessage> validationMessages) {

  public BuildImageResponse {
    validationMessages = ModelLists.copy(validationMessages);
  }
}
