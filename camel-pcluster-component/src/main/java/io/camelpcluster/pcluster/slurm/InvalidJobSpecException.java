package io.camelpcluster.pcluster.slurm;

import java.util.List;

/** A job specification that must not be submitted; lists every problem found, field by field. */
public class InvalidJobSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidJobSpecException(List<String> problems) {
    super("invalid job: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, each naming the field and the rule it breaks. */
  public List<String> problems() {
    return problems;
  }
}
