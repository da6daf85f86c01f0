package io.camelpcluster.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a run (check input, create cluster, submit job...), with its timings.
 *
 * @param name the step's name
 * @param started when it started
 * @param ended when it ended; {@code null} while running
 * @param outcome how it went
 * @param error what went wrong when it failed; else {@code null}
 */
public record RunStep(String name, Instant started, Instant ended, Outcome outcome, String error) {

  /** How a step went. */
  public enum Outcome {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  public RunStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** A step that starts now. */
  static RunStep start(String name, Instant now) {
    return new RunStep(name, now, null, Outcome.RUNNING, null);
  }

  /** This step ended; a {@code null} error means it succeeded. */
  RunStep end(Instant now, String error) {
    return new RunStep(
        name, started, now, error == null ? Outcome.SUCCEEDED : Outcome.FAILED, error);
  }

  /** How long the step took, once it has ended. */
  public Optional<Duration> duration() {
    return ended == null ? Optional.empty() : Optional.of(Duration.between(started, ended));
  }
}
