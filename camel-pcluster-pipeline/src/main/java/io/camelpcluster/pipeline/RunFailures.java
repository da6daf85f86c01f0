package io.camelpcluster.pipeline;

import io.camelpcluster.pcluster.api.BadRequestException;
import io.camelpcluster.pcluster.api.ClientValidationException;
import io.camelpcluster.pcluster.api.ConflictException;
import io.camelpcluster.pcluster.template.TemplateException;

/** How the pipeline reads the errors its steps end with. */
final class RunFailures {
  private RunFailures() {}

  /** Whether the error or one of its causes is of one of the types. */
  static boolean causedBy(Throwable error, Class<?>... types) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      for (Class<?> type : types) {
        if (type.isInstance(cause)) {
          return true;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * Whether a createCluster that failed so left no cluster behind: the template or the request was
   * refused before anything was created, or the name is taken by a cluster that is not ours.
   */
  static boolean neverCreated(Throwable error) {
    return causedBy(
        error,
        TemplateException.class,
        BadRequestException.class,
        ClientValidationException.class,
        ConflictException.class);
  }

  /** The error's type and message, for the journal and the logs. */
  static String describe(Throwable error) {
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
