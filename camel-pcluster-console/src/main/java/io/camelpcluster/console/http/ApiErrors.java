package io.camelpcluster.console.http;

import io.camelpcluster.pcluster.api.AccessDeniedException;
import io.camelpcluster.pcluster.api.BadRequestException;
import io.camelpcluster.pcluster.api.ClientValidationException;
import io.camelpcluster.pcluster.api.ConflictException;
import io.camelpcluster.pcluster.api.LimitExceededException;
import io.camelpcluster.pcluster.api.NotFoundException;
import io.camelpcluster.pcluster.api.ParallelClusterConnectionException;
import io.camelpcluster.pcluster.api.ParallelClusterException;
import io.camelpcluster.pcluster.api.ParallelClusterServiceException;
import io.camelpcluster.pcluster.headnode.HeadNodeException;
import io.camelpcluster.pcluster.jobs.JobCommandException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.camel.CamelExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into the JSON error of the REST API: a status, a message for people, and for
 * refused configurations the validation messages. Never a stack trace: unexpected failures are
 * logged here with an id the answer repeats.
 */
final class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  record ApiError(int status, Map<String, Object> body) {}

  static ApiError of(Throwable failure) {
    Throwable e = unwrap(failure);
    if (e instanceof ApiException api) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", api.getMessage());
      body.putAll(api.details());
      return new ApiError(api.status(), body);
    }
    if (e instanceof BadRequestException bad) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", serviceMessage(bad));
      body.put("validationMessages", bad.configurationValidationErrors());
      body.put("updateValidationErrors", bad.updateValidationErrors());
      return new ApiError(400, body);
    }
    if (e instanceof NotFoundException notFound) {
      return simple(404, serviceMessage(notFound));
    }
    if (e instanceof ConflictException conflict) {
      return simple(409, serviceMessage(conflict));
    }
    if (e instanceof LimitExceededException limit) {
      return simple(429, serviceMessage(limit));
    }
    if (e instanceof AccessDeniedException denied) {
      return simple(
          502,
          "the ParallelCluster API refused the console's own credentials: "
              + serviceMessage(denied));
    }
    if (e instanceof ParallelClusterConnectionException) {
      return simple(504, "the ParallelCluster API did not answer: " + e.getMessage());
    }
    if (e instanceof ClientValidationException || e instanceof IllegalArgumentException) {
      // invalid input: the component's and the templates' messages name the problem
      return simple(400, e.getMessage());
    }
    if (e instanceof ParallelClusterServiceException service) {
      return simple(502, "the ParallelCluster API failed: " + serviceMessage(service));
    }
    if (e instanceof ParallelClusterException
        || e instanceof HeadNodeException
        || e instanceof JobCommandException) {
      return simple(502, e.getMessage());
    }
    String id = UUID.randomUUID().toString();
    LOG.warn("console request failed (error id {})", id, e);
    return simple(500, "internal error (error id " + id + ", see the application's log)");
  }

  private static String serviceMessage(ParallelClusterServiceException e) {
    return e.serviceMessage() != null && !e.serviceMessage().isBlank()
        ? e.serviceMessage()
        : e.getMessage();
  }

  private static ApiError simple(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message == null ? "error" : message);
    return new ApiError(status, body);
  }

  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while ((current instanceof CamelExecutionException
            || current instanceof CompletionException
            || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
