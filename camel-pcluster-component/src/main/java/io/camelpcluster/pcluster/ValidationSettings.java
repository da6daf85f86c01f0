package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.model.ValidationLevel;
import java.util.List;

/**
 * The validation parameters of createCluster, updateCluster and buildImage, read once from an
 * exchange.
 *
 * @param failureLevel the lowest finding level that fails the request, or null
 * @param suppressValidators {@code ALL} or {@code type:<ValidatorName>} items
 */
record ValidationSettings(ValidationLevel failureLevel, List<String> suppressValidators) {

  static ValidationSettings of(ExchangeInputs inputs) {
    PclusterConfiguration configuration = inputs.configuration();
    return new ValidationSettings(
        inputs.value(
            PclusterConstants.VALIDATION_FAILURE_LEVEL,
            ValidationLevel.class,
            configuration.getValidationFailureLevel()),
        inputs.list(
            PclusterConstants.SUPPRESS_VALIDATORS, configuration.getSuppressValidators(), ","));
  }
}
