package io.camelpcluster.pcluster.api;

import java.util.List;

/** A request refused by the client before sending, listing every problem found. */
public class ClientValidationException extends ParallelClusterException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ClientValidationException(String operation, List<String> problems, Throwable cause) {
    super(operation, format(operation, problems), cause);
    this.problems = List.copyOf(problems);
  }

  /** One sentence per problem, e.g. {@code clusterName must start with a letter ...}. */
  public List<String> problems() {
    return problems;
  }

  private static String format(String operation, List<String> problems) {
    return problems.size() == 1
        ? operation + " request is invalid: " + problems.get(0)
        : operation + " request is invalid:\n  - " + String.join("\n  - ", problems);
  }
}
