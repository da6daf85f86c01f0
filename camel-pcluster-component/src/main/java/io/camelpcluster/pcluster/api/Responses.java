package io.camelpcluster.pcluster.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelpcluster.pcluster.api.model.DryRunResult;
import java.io.IOException;

/** Reads answers into the model, or throws the typed exception for error answers. */
final class Responses {
  private Responses() {}

  /** The body of a 2xx answer as {@code type}; throws the mapped exception otherwise. */
  static <T> T read(String operation, HttpResult result, Class<T> type) {
    if (!result.isSuccess()) {
      throw ErrorMapper.toException(operation, result);
    }
    return parse(operation, result, type);
  }

  /** A dry run's answer: 412 is the success; anything else fails. */
  static DryRunResult readDryRun(String operation, HttpResult result) {
    if (result.statusCode() == 412) {
      return parse(operation, result, DryRunResult.class);
    }
    if (result.isSuccess()) {
      throw ErrorMapper.unexpected(
          operation,
          result,
          "to a dry run, which should answer 412: the service may have acted on the request");
    }
    throw ErrorMapper.toException(operation, result);
  }

  static <T> T parse(String operation, HttpResult result, Class<T> type) {
    if (!result.hasBody()) {
      throw ErrorMapper.unexpected(operation, result, "with an empty body");
    }
    try {
      T value = ApiJson.mapper().readValue(result.body(), type);
      if (value == null) {
        throw ErrorMapper.unexpected(operation, result, "with a null body");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw ErrorMapper.unexpected(
          operation, result, "with an unreadable body (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw ErrorMapper.unexpected(
          operation, result, "with an unreadable body (" + e.getMessage() + ")");
    }
  }
}
