package io.camelpcluster.pcluster.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.camelpcluster.pcluster.api.model.Change;
import io.camelpcluster.pcluster.api.model.ConfigValidationMessage;
import io.camelpcluster.pcluster.api.model.UpdateError;
import java.util.List;

/**
 * Every error body of the API in one shape: {@code message} (API Gateway's explicit deny writes
 * {@code Message}) and the validation details some 400s carry.
 */
record ErrorBody(
    @JsonAlias("Message") String message,
    List<ConfigValidationMessage> configurationValidationErrors,
    List<UpdateError> updateValidationErrors,
    List<Change> changeSet) {

  ErrorBody {
    configurationValidationErrors =
        configurationValidationErrors == null ? List.of() : configurationValidationErrors;
    updateValidationErrors = updateValidationErrors == null ? List.of() : updateValidationErrors;
    changeSet = changeSet == null ? List.of() : changeSet;
  }
}
