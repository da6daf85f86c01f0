package io.camelpcluster.pcluster.slurm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@code squeue --json} (and {@code scontrol --json show job}, same shape) across the
 * generations ParallelCluster ships:
 *
 * <ul>
 *   <li>Slurm 22.05, plugin {@code openapi/v0.0.38}: {@code job_state} is a string, {@code
 *       exit_code} a raw wait status ({@code 768} is exit 3), plain numbers, {@code null} for an
 *       unlimited time.
 *   <li>Slurm 23.02, {@code data_parser/v0.0.39}: {@code exit_code} is the same wait status,
 *       possibly wrapped as {@code {set, infinite, number}}.
 *   <li>Slurm 23.11 and 24.x, {@code data_parser/v0.0.40+}: {@code job_state} is a list of a base
 *       state and flags, {@code exit_code} an object {@code {status, return_code, signal}}, and
 *       numbers may be wrapped as {@code {set, infinite, number}}.
 * </ul>
 *
 * <p>Slurm 22.05 ignores squeue's job filter with {@code --json} and prints every job; callers pick
 * the ids they want from the result.
 */
public final class SqueueJsonParser {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Slurm's "no value" and "infinite" for 32-bit fields; larger values mean nothing either. */
  private static final long NO_VALUE = 0xFFFF_FFFEL;

  private SqueueJsonParser() {}

  /**
   * Parses every job in the document.
   *
   * @throws SlurmOutputException when the text is not such a document, or reports an error without
   *     jobs
   */
  public static List<SlurmJob> parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SlurmOutputException("squeue printed no valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new SlurmOutputException("squeue's JSON is not an object");
    }
    JsonNode jobs = root.get("jobs");
    if (jobs == null || !jobs.isArray()) {
      throw new SlurmOutputException("squeue's JSON has no job list" + firstError(root));
    }
    List<SlurmJob> result = new ArrayList<>();
    for (JsonNode job : jobs) {
      result.add(toJob(job));
    }
    return List.copyOf(result);
  }

  private static SlurmJob toJob(JsonNode j) {
    JobReport r = new JobReport();
    OptionalLong arrayJob = number(j.get("array_job_id"));
    if (arrayJob.isPresent() && arrayJob.getAsLong() > 0) {
      OptionalLong task = number(j.get("array_task_id"));
      String pending = j.path("array_task_string").asText("");
      if (task.isPresent()) {
        r.arrayTaskId = Optional.of(Long.toString(task.getAsLong()));
      } else if (!pending.isEmpty()) {
        r.arrayTaskId = Optional.of(pending);
      }
      if (r.arrayTaskId.isPresent()) {
        r.arrayJobId = Optional.of(Long.toString(arrayJob.getAsLong()));
      }
    }
    OptionalLong id = number(j.get("job_id"));
    r.jobId = r.displayId(id.isPresent() ? Long.toString(id.getAsLong()) : "");
    r.name = j.path("name").asText("");
    JsonNode state = j.path("job_state");
    if (state.isArray()) {
      List<String> names = new ArrayList<>();
      state.forEach(s -> names.add(s.asText()));
      r.rawState = String.join(",", names);
      r.state = SlurmState.of(names);
    } else {
      r.rawState = state.asText("");
      r.state = SlurmState.of(r.rawState);
    }
    r.reason = SlurmValues.text(j.path("state_reason").asText(null));
    r.exitCode = exitCode(j.get("exit_code"));
    r.nodeList = SlurmValues.text(j.path("nodes").asText(null));
    r.partition = SlurmValues.text(j.path("partition").asText(null));
    r.submitted = instant(j.get("submit_time"));
    r.started = instant(j.get("start_time"));
    r.ended = instant(j.get("end_time"));
    if (r.started.isPresent() && r.ended.isPresent() && r.state.isTerminal()) {
      r.runTime = Optional.of(Duration.between(r.started.get(), r.ended.get()));
    }
    OptionalLong minutes = number(j.get("time_limit"));
    if (minutes.isPresent()) {
      r.timeLimit = Optional.of(Duration.ofMinutes(minutes.getAsLong()));
    }
    return r.toJob();
  }

  /**
   * A number (plain or wrapped) is Slurm's raw wait status; an object with {@code return_code} is
   * the verbose form of data_parser v0.0.40 and later.
   */
  private static Optional<ExitCode> exitCode(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Optional.empty();
    }
    if (!node.isObject() || node.has("set") || node.has("number")) {
      OptionalLong value = number(node);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      long v = value.getAsLong();
      return v > 0xFFFF ? Optional.empty() : Optional.of(ExitCode.fromWaitStatus(v));
    }
    List<String> status = new ArrayList<>();
    JsonNode statusNode = node.path("status");
    if (statusNode.isArray()) {
      statusNode.forEach(s -> status.add(s.asText()));
    } else if (statusNode.isTextual()) {
      status.add(statusNode.asText());
    }
    if (status.contains("PENDING")) {
      return Optional.empty();
    }
    JsonNode signalNode = node.path("signal");
    OptionalLong signal =
        number(signalNode.has("id") ? signalNode.get("id") : signalNode.get("signal_id"));
    OptionalLong code = number(node.get("return_code"));
    long sig = signal.orElse(0);
    long rc = code.orElse(0);
    if (code.isEmpty() && signal.isEmpty()) {
      return Optional.empty();
    }
    if (rc > 255 || sig > 127) {
      return Optional.empty();
    }
    return Optional.of(new ExitCode((int) rc, (int) sig));
  }

  private static Optional<Instant> instant(JsonNode node) {
    OptionalLong seconds = number(node);
    return seconds.isPresent() && seconds.getAsLong() > 0
        ? Optional.of(Instant.ofEpochSecond(seconds.getAsLong()))
        : Optional.empty();
  }

  /**
   * A number as any generation prints it: plain, a numeric string, or {@code {set, infinite,
   * number}}; empty when unset, infinite, null or Slurm's NO_VAL.
   */
  static OptionalLong number(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return OptionalLong.empty();
    }
    if (node.isObject()) {
      if (!node.path("set").asBoolean(true) || node.path("infinite").asBoolean(false)) {
        return OptionalLong.empty();
      }
      return number(node.get("number"));
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return plain(node.asLong());
    }
    if (node.isTextual() && node.asText().matches("\\d{1,18}")) {
      return plain(Long.parseLong(node.asText()));
    }
    return OptionalLong.empty();
  }

  private static OptionalLong plain(long value) {
    return value < 0 || value >= NO_VALUE ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static String firstError(JsonNode root) {
    JsonNode errors = root.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      JsonNode e = errors.get(0);
      String text = e.path("description").asText("");
      if (text.isEmpty()) {
        text = e.path("error").asText(e.toString());
      }
      return ": " + SlurmErrors.excerpt(text);
    }
    return "";
  }
}
