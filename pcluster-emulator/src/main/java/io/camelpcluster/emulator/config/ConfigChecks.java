package io.camelpcluster.emulator.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.emulator.model.ApiException;
import io.camelpcluster.emulator.model.Responses;
import java.util.List;

/**
 * Runs the schema, then the semantic validators, as the server does before creating, updating or
 * building: a schema error or a finding at the failure level is a 400 listing the findings.
 */
public final class ConfigChecks {
  private ConfigChecks() {}

  /** Validates a cluster configuration; returns the findings below the failure level. */
  public static ValidationReport cluster(
      String clusterName, ObjectNode config, ValidationPolicy policy) {
    Object schemaErrors = ClusterSchema.check(config);
    if (schemaErrors != null) {
      throw invalid(
          "Invalid cluster configuration.", List.of(ValidationFinding.schema(schemaErrors)));
    }
    ValidationReport report =
        ValidationReport.of(
            ClusterValidators.validate(clusterName, new ClusterConfig(config)), policy);
    if (report.failed()) {
      throw invalid("Invalid cluster configuration.", report.findings());
    }
    return report;
  }

  /** Validates an image configuration; returns the findings below the failure level. */
  public static ValidationReport image(ObjectNode config, ValidationPolicy policy) {
    Object schemaErrors = ImageSchema.check(config);
    if (schemaErrors != null) {
      throw invalid(
          "Invalid image configuration.", List.of(ValidationFinding.schema(schemaErrors)));
    }
    ValidationReport report = ValidationReport.of(ImageValidators.validate(config), policy);
    if (report.failed()) {
      throw invalid("Configuration is invalid", report.findings());
    }
    return report;
  }

  private static ApiException invalid(String message, List<ValidationFinding> findings) {
    return ApiException.withBody(
        400,
        new Responses.Error(
            message,
            findings.stream().map(ValidationFinding::toMessage).toList(),
            null,
            null,
            null));
  }
}
