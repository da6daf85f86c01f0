package io.camelpcluster.examples.pipeline;

import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pipeline.InputObject;
import io.camelpcluster.pipeline.PipelineJournal;
import io.camelpcluster.pipeline.PipelineRun;
import io.camelpcluster.pipeline.PipelineSettings;
import io.camelpcluster.pipeline.ResultLayout;
import io.camelpcluster.pipeline.RunState;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What the demo does while the pipeline runs: uploads the sample input, prints every step of every
 * run as the journal records it, prints the result of each run that succeeded and, with {@code
 * --once}, completes when every input in the bucket has a finished run.
 *
 * <p>All S3 calls go through Camel's {@code aws2-s3} endpoints, so they reach whatever the
 * component properties configure: the local S3, another endpoint, or AWS.
 */
final class DemoSession implements AutoCloseable {
  /** The classpath resource uploaded as the sample input. */
  static final String SAMPLE = "demo/sample-input.txt";

  private static final Duration TICK = Duration.ofMillis(250);
  private static final Duration ORPHAN_CHECK_INTERVAL = Duration.ofSeconds(2);
  private static final int RESULT_MAX_BYTES = 8 * 1024;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final PipelineSettings settings;
  private final PipelineJournal journal;
  private final ProducerTemplate template;
  private final PrintStream out;
  private final Clock clock;
  private final RunReporter reporter;
  private final ScheduledExecutorService ticker;
  private final CompletableFuture<Integer> outcome = new CompletableFuture<>();
  private final Set<String> resultsShown = new HashSet<>();
  private final Set<String> orphans = new HashSet<>();
  private boolean orphansReported;
  private Instant orphansChecked = Instant.MIN;

  private Map<String, InputObject> awaited;
  private Set<String> finishedBefore;
  private Instant deadline;

  DemoSession(
      PipelineSettings settings,
      PipelineJournal journal,
      ProducerTemplate template,
      PrintStream out,
      Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.template = Objects.requireNonNull(template, "template");
    this.out = Objects.requireNonNull(out, "out");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.reporter = new RunReporter(out);
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "demo-session");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts: uploads the sample if asked, then follows the runs. With {@code once}, the returned
   * future completes with the exit code (0 when every input this process ran succeeded) once every
   * input under the prefix has a finished run, or with 1 after {@code onceTimeout}; otherwise it
   * never completes.
   */
  CompletableFuture<Integer> start(boolean uploadSample, boolean once, Duration onceTimeout) {
    try {
      reporter.baseline(journal.runs());
      for (PipelineRun run : journal.abandoned()) {
        if (run.clusterName() != null) {
          orphans.add(run.clusterName());
        }
        out.printf(
            "recovery: run %s of a process that is gone (cluster %s) is ABANDONED; its input %s"
                + " will be processed again, the reaper deletes its cluster%n",
            run.runId(), run.clusterName(), run.input().displayName());
      }
      if (uploadSample) {
        uploadSample();
      }
      if (once) {
        awaited = listInputs();
        finishedBefore = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (PipelineRun run : journal.runs()) {
          String key = run.input().idempotencyKey();
          if (seen.add(key) && finished(run) && awaited.containsKey(key)) {
            finishedBefore.add(key);
          }
        }
        deadline = clock.instant().plus(onceTimeout);
        out.printf(
            "--once: waiting for %d input(s) under s3://%s/%s (%d already processed)%n",
            awaited.size(), settings.inputBucket(), settings.inputPrefix(), finishedBefore.size());
      }
    } catch (RuntimeException e) {
      outcome.completeExceptionally(e);
      return outcome;
    }
    ticker.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    return outcome;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }

  private void tick() {
    if (outcome.isDone()) {
      return;
    }
    try {
      List<PipelineRun> runs = journal.runs();
      reporter.update(runs);
      for (PipelineRun run : runs) {
        if (finished(run)
            && run.instanceId().equals(journal.instanceId())
            && resultsShown.add(run.runId())) {
          if (run.state() == RunState.SUCCEEDED) {
            showResults(run);
          } else {
            out.printf(
                "error report s3://%s/%s%n", settings.resultsBucket(), layout(run).errorKey());
          }
        }
      }
      if (awaited != null) {
        checkDone(runs);
      }
    } catch (RuntimeException e) {
      outcome.completeExceptionally(e);
    }
  }

  private void checkDone(List<PipelineRun> runs) {
    Map<String, PipelineRun> latest = new HashMap<>();
    for (PipelineRun run : runs) {
      latest.putIfAbsent(run.input().idempotencyKey(), run);
    }
    int failed = 0;
    int pending = 0;
    for (String key : awaited.keySet()) {
      PipelineRun run = latest.get(key);
      if (run == null || !finished(run)) {
        pending++;
      } else if (run.state() == RunState.FAILED && !finishedBefore.contains(key)) {
        failed++;
      }
    }
    if (pending == 0 && orphansLeft()) {
      if (!orphansReported) {
        orphansReported = true;
        out.printf(
            "--once: waiting for the reaper to delete the cluster(s) of abandoned runs: %s%n",
            String.join(", ", orphans));
      }
    } else if (pending == 0) {
      int ran = awaited.size() - finishedBefore.size();
      out.printf(
          "--once: %d input(s) processed now, %d succeeded, %d failed; %d processed before%n",
          ran, ran - failed, failed, finishedBefore.size());
      outcome.complete(failed == 0 ? 0 : 1);
    } else if (clock.instant().isAfter(deadline)) {
      out.printf(
          "--once: gave up at %s: %d input(s) not processed, %d orphaned cluster(s) left%n",
          deadline, pending, orphans.size());
      outcome.complete(1);
    }
  }

  /**
   * Whether a cluster of an abandoned run still exists and is not being deleted (the reaper has not
   * come to it yet); forgets the ones that are gone or going.
   */
  private boolean orphansLeft() {
    if (orphans.isEmpty()) {
      return false;
    }
    if (clock.instant().isBefore(orphansChecked.plus(ORPHAN_CHECK_INTERVAL))) {
      return true;
    }
    orphansChecked = clock.instant();
    List<?> clusters =
        template.requestBody("pcluster:listClusters?allPages=true", null, List.class);
    Set<String> alive = new HashSet<>();
    for (Object o : clusters) {
      ClusterInfoSummary cluster = (ClusterInfoSummary) o;
      if (cluster.clusterStatus() != ClusterStatus.DELETE_IN_PROGRESS) {
        alive.add(cluster.clusterName());
      }
    }
    orphans.retainAll(alive);
    return !orphans.isEmpty();
  }

  /** Whether the run ended for good: succeeded or failed (an abandoned run's input runs again). */
  private static boolean finished(PipelineRun run) {
    return run.state() == RunState.SUCCEEDED || run.state() == RunState.FAILED;
  }

  private void uploadSample() {
    byte[] sample = resource(SAMPLE);
    String key =
        settings.inputPrefix() + "lighthouse-keeper-" + STAMP.format(clock.instant()) + ".txt";
    template.sendBodyAndHeaders(
        "aws2-s3://" + settings.inputBucket(),
        sample,
        Map.of(
            AWS2S3Constants.KEY,
            key,
            AWS2S3Constants.CONTENT_LENGTH,
            (long) sample.length,
            AWS2S3Constants.CONTENT_TYPE,
            "text/plain; charset=utf-8"));
    out.printf(
        "uploaded the sample input s3://%s/%s (%d bytes)%n",
        settings.inputBucket(), key, sample.length);
  }

  /** The objects under the input prefix, by idempotency key (the first 1,000). */
  private Map<String, InputObject> listInputs() {
    List<?> objects =
        template.requestBodyAndHeader(
            "aws2-s3://" + settings.inputBucket() + "?operation=listObjects",
            null,
            AWS2S3Constants.PREFIX,
            settings.inputPrefix(),
            List.class);
    Map<String, InputObject> inputs = new HashMap<>();
    for (Object o : objects) {
      S3Object object = (S3Object) o;
      InputObject input = new InputObject(settings.inputBucket(), object.key(), object.eTag());
      inputs.put(input.idempotencyKey(), input);
    }
    return inputs;
  }

  private ResultLayout layout(PipelineRun run) {
    return ResultLayout.of(settings.resultsPrefix(), run.input());
  }

  private void showResults(PipelineRun run) {
    for (String file : settings.outputFiles()) {
      String key = layout(run).outputKey(file);
      try (InputStream in =
          template.requestBodyAndHeader(
              "aws2-s3://" + settings.resultsBucket() + "?operation=getObject",
              null,
              AWS2S3Constants.KEY,
              key,
              InputStream.class)) {
        byte[] bytes = in.readNBytes(RESULT_MAX_BYTES);
        out.printf("result s3://%s/%s:%n", settings.resultsBucket(), key);
        new String(bytes, StandardCharsets.UTF_8)
            .lines()
            .forEach(line -> out.println("  | " + line.replaceAll("\\p{Cntrl}", "?")));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read s3://" + settings.resultsBucket() + "/" + key, e);
      }
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = DemoSession.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + name, e);
    }
  }
}
