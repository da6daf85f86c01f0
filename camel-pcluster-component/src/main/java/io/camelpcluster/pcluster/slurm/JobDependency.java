package io.camelpcluster.pcluster.slurm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One condition of {@code sbatch --dependency}: a kind and the jobs it refers to, e.g. {@code
 * afterok:123:124}. A job with several dependencies starts when all of them are satisfied.
 *
 * @param kind the condition
 * @param jobIds the jobs it waits for ({@code 123} or array task {@code 123_4}); for {@link
 *     Kind#AFTER} an id may carry a delay in minutes ({@code 123+10}); empty for {@link
 *     Kind#SINGLETON}
 */
public record JobDependency(Kind kind, List<String> jobIds) {

  private static final Pattern JOB_ID = Pattern.compile("\\d{1,10}(_\\d{1,10})?");
  private static final Pattern JOB_ID_WITH_DELAY =
      Pattern.compile("\\d{1,10}(_\\d{1,10})?(\\+\\d{1,6})?");

  /** The dependency conditions Slurm understands. */
  public enum Kind {
    /** After the jobs have started (or been cancelled), optionally plus a delay. */
    AFTER,
    /** After the jobs have ended, however they ended. */
    AFTERANY,
    /** After the jobs have ended unsuccessfully. */
    AFTERNOTOK,
    /** After the jobs have completed successfully. */
    AFTEROK,
    /** Array task by array task, after the corresponding task completed successfully. */
    AFTERCORR,
    /** After earlier jobs of the same name and user have ended. */
    SINGLETON;

    /** Slurm's spelling. */
    public String slurmName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public JobDependency {
    Objects.requireNonNull(kind, "kind");
    jobIds = List.copyOf(jobIds);
    if (kind == Kind.SINGLETON && !jobIds.isEmpty()) {
      throw new IllegalArgumentException("'singleton' takes no job ids");
    }
    if (kind != Kind.SINGLETON && jobIds.isEmpty()) {
      throw new IllegalArgumentException("'" + kind.slurmName() + "' needs job ids");
    }
    Pattern idPattern = kind == Kind.AFTER ? JOB_ID_WITH_DELAY : JOB_ID;
    for (String id : jobIds) {
      if (!idPattern.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "'"
                + kind.slurmName()
                + "' has an invalid job id '"
                + id
                + "' (expected 123 or 123_4"
                + (kind == Kind.AFTER ? ", optionally +minutes)" : ")"));
      }
    }
  }

  /** A dependency on the given jobs. */
  public static JobDependency of(Kind kind, String... jobIds) {
    return new JobDependency(kind, List.of(jobIds));
  }

  /**
   * Parses Slurm's notation: conditions separated by commas, each {@code kind:id[:id...]} or {@code
   * singleton}. The "any of" form with {@code ?} is not supported.
   *
   * @throws IllegalArgumentException with the offending part when the text is not valid
   */
  public static List<JobDependency> parseList(String text) {
    String value = text.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("must not be empty");
    }
    if (value.indexOf('?') >= 0) {
      throw new IllegalArgumentException(
          "'" + text + "': only ','-separated (all of) conditions are supported");
    }
    List<JobDependency> dependencies = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      dependencies.add(parse(part.strip(), text));
    }
    return List.copyOf(dependencies);
  }

  private static JobDependency parse(String part, String text) {
    String[] fields = part.split(":", -1);
    Kind kind;
    try {
      kind = Kind.valueOf(fields[0].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "': unknown condition '"
              + fields[0]
              + "' (use after, afterany, afternotok, afterok, aftercorr or singleton)",
          e);
    }
    return new JobDependency(kind, Arrays.asList(fields).subList(1, fields.length));
  }

  /** Slurm's notation of this condition, e.g. {@code afterok:123:124}. */
  public String toSlurm() {
    return jobIds.isEmpty() ? kind.slurmName() : kind.slurmName() + ":" + String.join(":", jobIds);
  }
}
