package io.camelpcluster.pcluster.api;

import io.camelpcluster.pcluster.api.model.ConfigValidationMessage;
import io.camelpcluster.pcluster.api.model.UpdateError;
import java.io.IOException;
import java.util.List;

/** Turns an error answer into the typed exception with a complete, readable message. */
final class ErrorMapper {
  private ErrorMapper() {}

  static ParallelClusterServiceException toException(String operation, HttpResult result) {
    ErrorBody body = parse(result);
    int status = result.statusCode();
    String requestId = result.header("x-amzn-RequestId");
    String errorType = errorType(result.header("x-amzn-ErrorType"));
    String message = message(operation, result, body, requestId);
    String serviceMessage = body.message();
    return switch (status) {
      case 400 ->
          new BadRequestException(
              message,
              operation,
              serviceMessage,
              requestId,
              body.configurationValidationErrors(),
              body.updateValidationErrors(),
              body.changeSet());
      case 401 ->
          new UnauthorizedException(
              message, operation, status, serviceMessage, requestId, errorType);
      case 403 ->
          new AccessDeniedException(
              message, operation, status, serviceMessage, requestId, errorType);
      case 404 ->
          new NotFoundException(message, operation, status, serviceMessage, requestId, errorType);
      case 409 ->
          new ConflictException(message, operation, status, serviceMessage, requestId, errorType);
      case 429 ->
          new LimitExceededException(
              message, operation, status, serviceMessage, requestId, errorType);
      case 500 ->
          new InternalServiceException(
              message, operation, status, serviceMessage, requestId, errorType);
      case 502, 503, 504 ->
          new GatewayException(message, operation, status, serviceMessage, requestId, errorType);
      default ->
          new ParallelClusterServiceException(
              message, operation, status, serviceMessage, requestId, errorType);
    };
  }

  /**
   * An answer the operation does not expect, e.g. a 2xx whose body cannot be read.
   *
   * @param explanation completes "{operation} answered HTTP {status} ..."
   */
  static ParallelClusterServiceException unexpected(
      String operation, HttpResult result, String explanation) {
    return new ParallelClusterServiceException(
        operation
            + " answered HTTP "
            + result.statusCode()
            + " "
            + explanation
            + (result.hasBody() ? ": " + Texts.excerpt(result.bodyText()) : ""),
        operation,
        result.statusCode(),
        null,
        result.header("x-amzn-RequestId"),
        null);
  }

  private static ErrorBody parse(HttpResult result) {
    if (result.hasBody()) {
      try {
        ErrorBody body = ApiJson.mapper().readValue(result.body(), ErrorBody.class);
        if (body != null && body.message() != null) {
          return body;
        }
      } catch (IOException notJson) {
        // fall through: a proxy's HTML page or plain text
      }
    }
    String text = result.hasBody() ? Texts.excerpt(result.bodyText()) : null;
    return new ErrorBody(text, null, null, null);
  }

  private static String message(
      String operation, HttpResult result, ErrorBody body, String requestId) {
    StringBuilder text =
        new StringBuilder(operation).append(" failed with HTTP ").append(result.statusCode());
    text.append(": ").append(body.message() == null ? "(no message)" : body.message());
    if (result.statusCode() == 403) {
      text.append(
          " (API Gateway refused the request: check the credentials, the signing region and"
              + " the clock)");
    }
    appendValidation(text, "configuration validation errors", body.configurationValidationErrors());
    appendUpdateErrors(text, body.updateValidationErrors());
    if (result.attempt() > 1) {
      text.append("\n  after ").append(result.attempt()).append(" attempts");
    }
    if (requestId != null) {
      text.append("\n  request id: ").append(requestId);
    }
    return text.toString();
  }

  private static void appendValidation(
      StringBuilder text, String title, List<ConfigValidationMessage> messages) {
    if (messages.isEmpty()) {
      return;
    }
    text.append("\n  ").append(title).append(':');
    for (ConfigValidationMessage m : messages) {
      text.append("\n    - ").append(m.level() == null ? "?" : m.level().name());
      if (m.type() != null) {
        text.append(' ').append(m.type());
      }
      text.append(": ").append(m.message());
    }
  }

  private static void appendUpdateErrors(StringBuilder text, List<UpdateError> errors) {
    if (errors.isEmpty()) {
      return;
    }
    text.append("\n  update validation errors:");
    for (UpdateError e : errors) {
      text.append("\n    - ")
          .append(e.parameter())
          .append(" (")
          .append(e.currentValue())
          .append(" -> ")
          .append(e.requestedValue())
          .append("): ")
          .append(e.message());
    }
  }

  private static String errorType(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    int colon = header.indexOf(':');
    return colon < 0 ? header.trim() : header.substring(0, colon).trim();
  }
}
