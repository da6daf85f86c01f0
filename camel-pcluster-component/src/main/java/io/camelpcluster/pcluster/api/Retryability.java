package io.camelpcluster.pcluster.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;

/** Whether the outcome of an attempt is worth another attempt, and whether it took effect. */
enum Retryability {
  /** Final: a success or an error that another attempt would repeat. */
  FINAL,
  /** Transient, and the request did not take effect (throttled, or never connected). */
  NOT_APPLIED,
  /** Transient, but the request may have taken effect (gateway error, timeout, broken I/O). */
  MAYBE_APPLIED;

  static Retryability of(HttpResult result) {
    return switch (result.statusCode()) {
      case 429 -> NOT_APPLIED;
      case 502, 503, 504 -> MAYBE_APPLIED;
      default -> FINAL;
    };
  }

  static Retryability of(Throwable failure) {
    Throwable cause = Failures.unwrap(failure);
    if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
      return NOT_APPLIED;
    }
    return cause instanceof IOException ? MAYBE_APPLIED : FINAL;
  }
}
