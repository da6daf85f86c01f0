package io.camelpcluster.pcluster.api.model;

/**
 * A finding of the configuration validators.
 *
 * @param id never set by the service
 * @param type the validator, e.g. {@code KeyPairValidator} or {@code ConfigSchemaValidator}
 */
public record ConfigValidationMessage(
    String id, String type, ValidationLevel level, String message) {}
