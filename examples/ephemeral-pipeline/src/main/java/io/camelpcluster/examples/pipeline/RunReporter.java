package io.camelpcluster.examples.pipeline;

import io.camelpcluster.pipeline.PipelineRun;
import io.camelpcluster.pipeline.RunStep;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Prints what changed in the pipeline's runs since the last look: a run that began, each step that
 * started or ended (with its duration), a run that ended. Fed with snapshots of the journal's runs;
 * prints only the differences, so it can be fed as often as wanted.
 */
final class RunReporter {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());
  private static final int LABEL_LENGTH = 36;

  private final PrintStream out;
  private final Map<String, PipelineRun> seen = new HashMap<>();

  RunReporter(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Takes these runs as seen, without printing them: what was there before the demo started. */
  synchronized void baseline(List<PipelineRun> runs) {
    for (PipelineRun run : runs) {
      seen.put(run.runId(), run);
    }
  }

  /** Prints the changes between the runs seen so far and these. */
  synchronized void update(List<PipelineRun> runs) {
    for (int r = runs.size() - 1; r >= 0; r--) {
      PipelineRun run = runs.get(r);
      PipelineRun before = seen.put(run.runId(), run);
      if (before != null && before.equals(run)) {
        continue;
      }
      String label = label(run);
      if (before == null) {
        print(run.started(), label, "run " + run.runId() + " started");
      }
      List<RunStep> earlier = before == null ? List.of() : before.steps();
      for (int i = 0; i < run.steps().size(); i++) {
        RunStep step = run.steps().get(i);
        RunStep was = i < earlier.size() ? earlier.get(i) : null;
        if (was == null) {
          print(step.started(), label, step.name() + " started" + detail(run, step));
        }
        if (step.ended() != null && (was == null || was.ended() == null)) {
          print(step.ended(), label, ended(step, detail(run, step)));
        }
      }
      if (run.ended() != null && (before == null || before.ended() == null)) {
        print(run.ended(), label, endedRun(run));
      }
    }
  }

  /** What a step works on, when the run knows it: the cluster, or the job once submitted. */
  private static String detail(PipelineRun run, RunStep step) {
    String name = step.name();
    if ((name.contains("create") || name.contains("delete")) && run.clusterName() != null) {
      return " (cluster " + run.clusterName() + ")";
    }
    if (name.contains("job") && run.jobId() != null) {
      return " (job " + run.jobId() + ")";
    }
    return "";
  }

  private static String ended(RunStep step, String detail) {
    String took = step.duration().map(RunReporter::seconds).orElse("?");
    return switch (step.outcome()) {
      case SUCCEEDED -> step.name() + detail + " done in " + took;
      case FAILED -> step.name() + detail + " FAILED after " + took + ": " + oneLine(step.error());
      case RUNNING -> step.name() + detail + " running";
    };
  }

  private static String endedRun(PipelineRun run) {
    String took = run.duration().map(RunReporter::seconds).orElse("?");
    String steps =
        run.steps().stream()
            .map(s -> s.name() + " " + s.duration().map(RunReporter::seconds).orElse("?"))
            .collect(Collectors.joining(", "));
    String text = "run " + run.state() + " in " + took + " (" + steps + ")";
    return run.error() == null ? text : text + ": " + oneLine(run.error());
  }

  private void print(Instant when, String label, String text) {
    out.printf("%s  %-" + LABEL_LENGTH + "s  %s%n", CLOCK.format(when), label, text);
  }

  /** The last path segment of the key, cut and without control characters. */
  static String label(PipelineRun run) {
    String key = run.input().key();
    String last = key.endsWith("/") ? key : key.substring(key.lastIndexOf('/') + 1);
    String clean = last.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > LABEL_LENGTH ? clean.substring(0, LABEL_LENGTH - 3) + "..." : clean;
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  private static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?").strip();
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
