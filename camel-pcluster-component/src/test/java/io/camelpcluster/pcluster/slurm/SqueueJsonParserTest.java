package io.camelpcluster.pcluster.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SqueueJsonParserTest {

  private static final Instant T0 = Instant.ofEpochSecond(1795600000L);

  private static Map<String, SlurmJob> byId(String fixture) {
    return SqueueJsonParser.parse(Fixtures.read(fixture)).stream()
        .collect(Collectors.toMap(SlurmJob::jobId, Function.identity()));
  }

  @Test
  void slurm2205CapturedOutput() {
    Map<String, SlurmJob> jobs = byId("22.05/squeue-terminal.json");
    assertThat(jobs.get("2").state()).isEqualTo(JobState.FAILED);
    assertThat(jobs.get("2").exitCode()).as("768 is a wait status").contains(new ExitCode(3, 0));
    assertThat(jobs.get("2").reason()).contains("NonZeroExitCode");
    assertThat(jobs.get("13").state()).isEqualTo(JobState.CANCELLED);
    assertThat(jobs.get("13").exitCode()).contains(new ExitCode(0, 15));
    assertThat(jobs.get("12").state()).isEqualTo(JobState.TIMEOUT);
    assertThat(jobs.get("12").times().timeLimit()).contains(Duration.ofMinutes(1));
    assertThat(jobs.get("12").times().runTime()).contains(Duration.ofSeconds(66));
    assertThat(jobs.get("13").times().timeLimit()).as("null is unlimited").isEmpty();
    assertThat(jobs.get("14").exitCode()).contains(new ExitCode(0, 9));
    assertThat(jobs.get("15").state()).isEqualTo(JobState.QUEUED);
    assertThat(jobs.get("15").times().started()).isEmpty();
    assertThat(jobs.get("15").exitCode()).isEmpty();
  }

  @Test
  void slurm2205SamplesOfTheLocalCluster() {
    Map<String, SlurmJob> active = byId("22.05/slurmenv/squeue-json-running-pending.json");
    Map<String, SlurmJob> finished = byId("22.05/slurmenv/squeue-json-finished.json");
    assertThat(active.get("40").state()).isEqualTo(JobState.RUNNING);
    assertThat(active.get("43").reason()).contains("JobHeldUser");
    assertThat(finished)
        .extractingFromEntries(e -> e.getKey() + "=" + e.getValue().state())
        .containsExactlyInAnyOrder(
            "38=COMPLETED",
            "39=FAILED",
            "40=TIMEOUT",
            "41=CANCELLED",
            "42=CANCELLED",
            "43=CANCELLED");
    assertThat(finished.get("39").exitCode()).contains(new ExitCode(3, 0));
  }

  @Test
  void slurm2205Arrays() {
    Map<String, SlurmJob> jobs = byId("22.05/squeue-array-running.json");
    assertThat(jobs.keySet()).containsExactlyInAnyOrder("17_0", "17_1", "17_[2-5%2]");
    assertThat(jobs.get("17_[2-5%2]").state()).isEqualTo(JobState.QUEUED);
    assertThat(jobs.get("17_[2-5%2]").arrayTaskId()).contains("2-5%2");
    assertThat(jobs.get("17_0").state()).isEqualTo(JobState.RUNNING);
    assertThat(jobs.get("17_0").times().ended()).isEmpty();
    assertThat(jobs.values()).allMatch(j -> j.submissionId().equals("17"));
  }

  @Test
  void slurm2302WrappedWaitStatus() {
    Map<String, SlurmJob> jobs = byId("23.02/squeue.json");
    assertThat(jobs.get("201").state()).isEqualTo(JobState.COMPLETED);
    assertThat(jobs.get("201").exitCode()).contains(ExitCode.SUCCESS);
    assertThat(jobs.get("201").times().started()).contains(T0.plusSeconds(5));
    assertThat(jobs.get("202").exitCode()).contains(new ExitCode(3, 0));
    assertThat(jobs.get("203").state()).isEqualTo(JobState.CANCELLED);
    assertThat(jobs.get("203").exitCode()).contains(new ExitCode(0, 15));
    assertThat(jobs.get("203").times().timeLimit()).isEmpty();
    assertThat(jobs.get("204").state()).isEqualTo(JobState.QUEUED);
    assertThat(jobs.get("204").times().timeLimit()).contains(Duration.ofHours(1));
  }

  @Test
  void slurm2311FlagListsAndVerboseExitCodes() {
    Map<String, SlurmJob> jobs = byId("23.11/squeue.json");
    assertThat(jobs.get("301"))
        .extracting(SlurmJob::state, SlurmJob::rawState, SlurmJob::exitCode)
        .containsExactly(JobState.COMPLETED, "COMPLETED", Optional.of(ExitCode.SUCCESS));
    assertThat(jobs.get("302").state()).isEqualTo(JobState.FAILED);
    assertThat(jobs.get("302").exitCode()).contains(new ExitCode(3, 0));
    assertThat(jobs.get("303").state()).isEqualTo(JobState.CANCELLED);
    assertThat(jobs.get("303").exitCode()).contains(new ExitCode(0, 15));
    assertThat(jobs.get("304"))
        .extracting(SlurmJob::state, SlurmJob::rawState)
        .containsExactly(JobState.QUEUED, "RUNNING,CONFIGURING");
    assertThat(jobs.get("305"))
        .extracting(SlurmJob::state, SlurmJob::rawState)
        .containsExactly(JobState.QUEUED, "PENDING,REQUEUED");
    assertThat(jobs.get("306").state()).as("epilog still running").isEqualTo(JobState.RUNNING);
    assertThat(jobs.get("306").exitCode()).isEmpty();
    assertThat(jobs.get("307_[2-5%2]").state()).isEqualTo(JobState.QUEUED);
    assertThat(jobs.get("307_1").submissionId()).isEqualTo("307");
    assertThat(jobs.get("307_1").nodeList()).contains("queue1-dy-c5xlarge-[1-2]");
    assertThat(jobs.get("310").state()).isEqualTo(JobState.TIMEOUT);
    assertThat(jobs.get("311").times().timeLimit()).as("infinite").isEmpty();
    assertThat(jobs.get("311").times().timeLimit()).isEmpty();
    assertThat(jobs.get("301").times().timeLimit()).contains(Duration.ofMinutes(30));
    assertThat(jobs.get("301").times().runTime()).contains(Duration.ofMinutes(1));
  }

  @Test
  void slurm2405() {
    List<SlurmJob> jobs = SqueueJsonParser.parse(Fixtures.read("24.05/squeue.json"));
    assertThat(jobs)
        .extracting(SlurmJob::jobId, SlurmJob::state, SlurmJob::exitCode)
        .containsExactly(
            tuple("401", JobState.FAILED, Optional.of(new ExitCode(137, 0))),
            tuple("402", JobState.FAILED, Optional.of(new ExitCode(0, 9))),
            tuple("403", JobState.QUEUED, Optional.empty()),
            tuple("404", JobState.RUNNING, Optional.empty()),
            tuple("405", JobState.TIMEOUT, Optional.of(new ExitCode(0, 15))),
            tuple("406", JobState.QUEUED, Optional.empty()),
            tuple("407", JobState.FAILED, Optional.of(new ExitCode(0, 15))));
    assertThat(jobs.get(5).reason()).contains("JobHeldUser");
  }

  @Test
  void numbersInEveryShape() throws Exception {
    ObjectMapper m = new ObjectMapper();
    assertThat(SqueueJsonParser.number(m.readTree("42"))).hasValue(42);
    assertThat(SqueueJsonParser.number(m.readTree("\"23\""))).hasValue(23);
    assertThat(
            SqueueJsonParser.number(m.readTree("{\"set\":true,\"infinite\":false,\"number\":7}")))
        .hasValue(7);
    assertThat(
            SqueueJsonParser.number(m.readTree("{\"set\":false,\"infinite\":false,\"number\":0}")))
        .isEmpty();
    assertThat(SqueueJsonParser.number(m.readTree("{\"set\":true,\"infinite\":true,\"number\":0}")))
        .isEmpty();
    assertThat(SqueueJsonParser.number(m.readTree("4294967294"))).as("NO_VAL").isEmpty();
    assertThat(SqueueJsonParser.number(m.readTree("4294967295"))).as("INFINITE").isEmpty();
    assertThat(SqueueJsonParser.number(m.readTree("-1"))).isEmpty();
    assertThat(SqueueJsonParser.number(m.readTree("null"))).isEmpty();
    assertThat(SqueueJsonParser.number(m.readTree("\"N/A\""))).isEmpty();
    assertThat(SqueueJsonParser.number(null)).isEmpty();
  }

  @Test
  void rejectsDocumentsWithoutJobs() {
    assertThatThrownBy(() -> SqueueJsonParser.parse("squeue: error: something"))
        .isInstanceOf(SlurmOutputException.class)
        .hasMessageStartingWith("squeue printed no valid JSON");
    assertThatThrownBy(() -> SqueueJsonParser.parse("[]"))
        .isInstanceOf(SlurmOutputException.class)
        .hasMessage("squeue's JSON is not an object");
    assertThatThrownBy(
            () ->
                SqueueJsonParser.parse(
                    "{\"errors\":[{\"description\":\"Unable to query jobs\",\"error_number\":1}]}"))
        .isInstanceOf(SlurmOutputException.class)
        .hasMessage("squeue's JSON has no job list: Unable to query jobs");
    assertThat(SqueueJsonParser.parse("{\"jobs\":[]}")).isEmpty();
  }
}
