package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineJournalTest {

  private static final InputObject A = new InputObject("inputs", "in/a.txt", "etag-a", 10L);
  private static final InputObject B = new InputObject("inputs", "in/b.txt", "etag-b", 20L);

  private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));

  @TempDir Path dir;

  private PipelineJournal memory(String instance) {
    return new PipelineJournal(new RunStore.Memory(), instance, clock);
  }

  private PipelineJournal directory(String instance) {
    return new PipelineJournal(new DirectoryRunStore(dir), instance, clock);
  }

  @Test
  void isACamelIdempotentRepository() {
    IdempotentRepository repository = memory("i");
    assertThat(repository.add("k")).isTrue();
    assertThat(repository.add("k")).isFalse();
    assertThat(repository.contains("k")).isTrue();
    assertThat(repository.confirm("k")).isTrue();
    assertThat(repository.remove("k")).isTrue();
    assertThat(repository.contains("k")).isFalse();
    assertThat(repository.remove("k")).isFalse();
  }

  @Test
  void aBegunRunKeepsItsKeyWhileRunningAndAfterItEnds() {
    PipelineJournal journal = memory("i");
    String key = A.idempotencyKey();
    assertThat(journal.add(key)).isTrue();
    PipelineRun run = journal.begin("demo", A);
    assertThat(journal.contains(key)).isTrue();
    assertThat(journal.remove(key)).as("a begun run is not freed by remove").isFalse();
    assertThat(journal.add(key)).isFalse();
    journal.fail(run.runId(), "job failed", null);
    assertThat(journal.contains(key)).as("failed inputs are not retried").isTrue();
    assertThat(journal.add(key)).isFalse();
    assertThat(journal.contains(B.idempotencyKey())).isFalse();
  }

  @Test
  void recordsStepsClusterJobAndResult() {
    PipelineJournal journal = memory("inst");
    PipelineRun run = journal.begin("demo", A);
    assertThat(run.state()).isEqualTo(RunState.RUNNING);
    assertThat(run.runId()).matches("20261125T100000Z-[0-9a-z]+");
    assertThat(run.instanceId()).isEqualTo("inst");
    assertThat(run.started()).isEqualTo(clock.instant());

    journal.stepStarted(run.runId(), "createCluster");
    clock.advance(Duration.ofMinutes(5));
    journal.clusterName(run.runId(), "pl-a-txt-12345678");
    journal.stepEnded(run.runId(), "createCluster", null);
    journal.stepStarted(run.runId(), "submitJob");
    journal.jobId(run.runId(), "42");
    clock.advance(Duration.ofSeconds(30));
    journal.stepEnded(run.runId(), "submitJob", null);
    journal.stepEnded(run.runId(), "uploadResults", null);
    clock.advance(Duration.ofSeconds(1));
    PipelineRun done = journal.succeed(run.runId(), "results/a-txt-123456789abc/");

    assertThat(done.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(done.clusterName()).isEqualTo("pl-a-txt-12345678");
    assertThat(done.jobId()).isEqualTo("42");
    assertThat(done.resultPrefix()).isEqualTo("results/a-txt-123456789abc/");
    assertThat(done.error()).isNull();
    assertThat(done.duration()).contains(Duration.ofSeconds(331));
    assertThat(done.steps())
        .extracting(RunStep::name, RunStep::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("createCluster", RunStep.Outcome.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("submitJob", RunStep.Outcome.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("uploadResults", RunStep.Outcome.SUCCEEDED));
    assertThat(done.step("createCluster").orElseThrow().duration()).contains(Duration.ofMinutes(5));
    assertThat(done.step("uploadResults").orElseThrow().duration()).contains(Duration.ZERO);
    assertThat(journal.run(run.runId())).contains(done);
    assertThat(journal.inFlight()).isEmpty();
  }

  @Test
  void failingEndsRunningStepsWithTheErrorAndIsFinal() {
    PipelineJournal journal = memory("i");
    PipelineRun run = journal.begin("demo", A);
    journal.stepStarted(run.runId(), "submitJob");
    PipelineRun failed = journal.fail(run.runId(), "job 42 FAILED\nexit 3", "results/x/");
    assertThat(failed.state()).isEqualTo(RunState.FAILED);
    assertThat(failed.error()).isEqualTo("job 42 FAILED\nexit 3");
    assertThat(failed.step("submitJob").orElseThrow())
        .satisfies(s -> assertThat(s.outcome()).isEqualTo(RunStep.Outcome.FAILED))
        .satisfies(s -> assertThat(s.error()).isEqualTo("job 42 FAILED\nexit 3"));

    assertThat(journal.succeed(run.runId(), null)).as("an ended run stays ended").isEqualTo(failed);
    assertThat(journal.fail(run.runId(), "shutdown", null)).isEqualTo(failed);
    assertThatThrownBy(() -> journal.stepStarted(run.runId(), "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("run " + run.runId() + " has already ended: FAILED");
    assertThatThrownBy(() -> journal.jobId("nope\n", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no run nope\\n in PipelineJournal[memory");
  }

  @Test
  void longErrorsAreCut() {
    PipelineJournal journal = memory("i");
    PipelineRun run = journal.begin("demo", A);
    assertThat(journal.fail(run.runId(), "e".repeat(100_000), null).error()).hasSize(8192);
  }

  @Test
  void theSameInputCannotRunTwiceAtOnceHere() {
    PipelineJournal journal = memory("i");
    PipelineRun run = journal.begin("demo", A);
    assertThatThrownBy(() -> journal.begin("demo", A))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("input inputs/in/a.txt is already being processed by run " + run.runId());
    journal.succeed(run.runId(), null);
    assertThat(journal.begin("demo", A).runId()).isNotEqualTo(run.runId());
  }

  @Test
  void runsAreNewestFirstAndInFlightIsThisInstancesRunningRuns() {
    PipelineJournal journal = memory("i");
    PipelineRun first = journal.begin("demo", A);
    clock.advance(Duration.ofSeconds(1));
    PipelineRun second = journal.begin("demo", B);
    clock.advance(Duration.ofSeconds(1));
    journal.succeed(first.runId(), null);
    PipelineRun third = journal.begin("demo", A);
    assertThat(journal.runs())
        .extracting(PipelineRun::runId)
        .containsExactly(third.runId(), second.runId(), first.runId());
    assertThat(journal.inFlight())
        .extracting(PipelineRun::runId)
        .containsExactly(third.runId(), second.runId());
  }

  @Test
  void concurrentAddsOfOneKeyLetExactlyOneThrough() throws Exception {
    PipelineJournal journal = memory("i");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> adds = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        adds.add(() -> journal.add("same-key"));
      }
      long winners = 0;
      for (Future<Boolean> f : pool.invokeAll(adds)) {
        winners += f.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theDirectoryStoreKeepsRunsAcrossInstancesOfTheSameId() {
    PipelineJournal journal = directory("inst");
    PipelineRun run = journal.begin("demo", A);
    journal.stepStarted(run.runId(), "createCluster");
    journal.clusterName(run.runId(), "pl-a-1");
    PipelineRun done = journal.succeed(run.runId(), "results/a/");

    assertThat(dir.resolve(run.runId() + ".json")).exists();
    PipelineJournal reopened = directory("inst");
    assertThat(reopened.run(run.runId())).contains(done);
    assertThat(reopened.contains(A.idempotencyKey())).isTrue();
    assertThat(reopened.abandoned()).isEmpty();
  }

  @Test
  void recoveryAbandonsRunsOfAnotherInstanceAndFreesTheirInputsOnce() {
    PipelineJournal a = directory("instance-A");
    a.start();
    assertThat(a.add(A.idempotencyKey())).isTrue();
    PipelineRun running = a.begin("demo", A);
    a.stepStarted(running.runId(), "createCluster");
    a.clusterName(running.runId(), "pl-a-txt-1");
    PipelineRun finished = a.begin("demo", B);
    a.fail(finished.runId(), "bad input", null);
    // instance A is killed here: no stop, no more writes

    clock.advance(Duration.ofMinutes(3));
    PipelineJournal b = directory("instance-B");
    b.start();
    assertThat(b.abandoned()).hasSize(1);
    PipelineRun abandoned = b.abandoned().get(0);
    assertThat(abandoned.runId()).isEqualTo(running.runId());
    assertThat(abandoned.state()).isEqualTo(RunState.ABANDONED);
    assertThat(abandoned.clusterName()).isEqualTo("pl-a-txt-1");
    assertThat(abandoned.ended()).isEqualTo(clock.instant());
    assertThat(abandoned.error()).contains("instance-A");
    assertThat(abandoned.step("createCluster").orElseThrow().outcome())
        .isEqualTo(RunStep.Outcome.FAILED);
    assertThat(b.run(finished.runId()).orElseThrow().state()).isEqualTo(RunState.FAILED);
    assertThat(b.inFlight()).isEmpty();

    // the abandoned input is processed exactly once more; the failed one is not
    assertThat(b.contains(B.idempotencyKey())).isTrue();
    assertThat(b.add(A.idempotencyKey())).isTrue();
    assertThat(b.add(A.idempotencyKey())).isFalse();
    PipelineRun retry = b.begin("demo", A);
    assertThat(b.inFlight()).extracting(PipelineRun::runId).containsExactly(retry.runId());

    // the ABANDONED state is on disk: a third start abandons nothing new, and sees B's run
    // as running in another instance
    PipelineJournal c = directory("instance-C");
    assertThat(c.abandoned()).extracting(PipelineRun::runId).containsExactly(retry.runId());
    assertThat(c.run(running.runId()).orElseThrow().state()).isEqualTo(RunState.ABANDONED);
  }

  @Test
  void aRunOfThisInstanceIsNotAbandonedWhenTheJournalRestarts() {
    PipelineJournal journal = directory("inst");
    journal.start();
    PipelineRun run = journal.begin("demo", A);
    journal.stop();
    journal.start();
    assertThat(journal.inFlight()).extracting(PipelineRun::runId).containsExactly(run.runId());
    assertThat(journal.contains(A.idempotencyKey())).isTrue();
  }

  @Test
  void corruptPartialAndForeignFilesAreSkippedAndReported() throws IOException {
    PipelineJournal journal = directory("inst");
    PipelineRun good = journal.begin("demo", A);
    journal.succeed(good.runId(), null);
    String json = Files.readString(dir.resolve(good.runId() + ".json"));
    Files.writeString(dir.resolve("20261125T100000Z-partial.json"), json.substring(0, 40));
    Files.writeString(dir.resolve("20261125T100000Z-garbage.json"), "\u0000\u00ff not json");
    Files.writeString(dir.resolve("20261125T100000Z-empty.json"), "");
    Files.writeString(dir.resolve("20261125T100000Z-null.json"), "null");
    Files.writeString(dir.resolve("20261125T100000Z-missing.json"), "{\"runId\":\"x\"}");
    Files.writeString(dir.resolve("20261125T100000Z-renamed.json"), json);
    Files.write(dir.resolve("some.json.tmp"), new byte[] {1, 2, 3});
    Files.writeString(dir.resolve("README.txt"), "not a run");

    PipelineJournal reopened = directory("other");
    assertThat(reopened.runs()).extracting(PipelineRun::runId).containsExactly(good.runId());
    assertThat(reopened.skippedFiles())
        .hasSize(6)
        .allSatisfy(problem -> assertThat(problem).doesNotContain("\n"))
        .anySatisfy(problem -> assertThat(problem).contains("renamed.json: it holds run"));
    assertThat(dir.resolve("some.json.tmp")).doesNotExist();
    assertThat(dir.resolve("README.txt")).exists();
  }

  @Test
  void writesAreAtomicWithNoTemporaryFilesLeft() throws IOException {
    PipelineJournal journal = directory("inst");
    PipelineRun run = journal.begin("demo", A);
    for (int i = 0; i < 20; i++) {
      journal.stepEnded(run.runId(), "step-" + i, null);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(run.runId() + ".json");
    }
    String json = Files.readString(dir.resolve(run.runId() + ".json"), StandardCharsets.UTF_8);
    assertThat(json).contains("\"started\" : \"2026-11-25T10:00:00Z\"").contains("step-19");
    JsonNode tree = PipelineJson.MAPPER.readTree(json);
    assertThat(tree.fieldNames())
        .toIterable()
        .containsExactly(
            "runId",
            "pipelineId",
            "instanceId",
            "input",
            "clusterName",
            "jobId",
            "state",
            "started",
            "ended",
            "steps",
            "resultPrefix",
            "error");
    assertThat(tree.get("input").fieldNames())
        .toIterable()
        .containsExactly("bucket", "key", "eTag", "size");
    assertThat(tree.get("steps").get(0).fieldNames())
        .toIterable()
        .containsExactly("name", "started", "ended", "outcome", "error");
  }

  @Test
  void hostileInputsSurviveTheDirectoryStore() {
    InputObject hostile =
        new InputObject(
            "inputs", "line\nbreak/Größe 数据 🎉 \"quoted\" \\ " + "x".repeat(1000), "\"e\"", 0L);
    PipelineJournal journal = directory("inst");
    PipelineRun run = journal.begin("demo", hostile);
    journal.fail(run.runId(), "input " + hostile.displayName() + " is empty\n\u0000", null);
    PipelineRun read = directory("inst").run(run.runId()).orElseThrow();
    assertThat(read.input()).isEqualTo(hostile);
    assertThat(read.error()).endsWith("is empty\n\u0000");
  }

  @Test
  void clearForgetsEverythingButRunsInFlight() {
    PipelineJournal journal = directory("inst");
    PipelineRun done = journal.begin("demo", A);
    journal.succeed(done.runId(), null);
    PipelineRun running = journal.begin("demo", B);
    journal.add("claimed");
    journal.clear();
    assertThat(journal.runs()).extracting(PipelineRun::runId).containsExactly(running.runId());
    assertThat(journal.contains(A.idempotencyKey())).isFalse();
    assertThat(journal.contains(B.idempotencyKey())).isTrue();
    assertThat(journal.contains("claimed")).isFalse();
    assertThat(dir.resolve(done.runId() + ".json")).doesNotExist();
  }

  @Test
  void factoriesGiveRandomInstanceIds() {
    assertThat(PipelineJournal.inMemory().instanceId())
        .isNotEqualTo(PipelineJournal.inMemory().instanceId())
        .matches("[0-9a-f-]{36}");
    assertThat(PipelineJournal.inDirectory(dir).toString()).contains(dir.toString());
    assertThatThrownBy(() -> PipelineJournal.inMemory(" "))
        .hasMessage("instanceId must not be blank");
  }
}
