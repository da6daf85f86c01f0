package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelpcluster.pcluster.api.model.CloudFormationResourceStatus;
import io.camelpcluster.pcluster.api.model.StackEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorReportTest {

  private static final Instant T = Instant.parse("2026-11-25T10:15:30Z");
  private static final String HOSTILE =
      "line\nbreak \"quoted\" \\ </script> \u0000\u001b[31m 数据 🎉 ${jndi:x} $(rm -rf /)";

  private final PipelineJournal journal = PipelineJournal.inMemory("inst");

  @Test
  void describesAFailedClusterCreationWithItsStackEvents() throws Exception {
    PipelineRun run = journal.begin("demo", new InputObject("inputs", "in/a.txt", "e", 5L));
    run = journal.clusterName(run.runId(), "pl-a-txt-12345678");
    StackEvent failed =
        new StackEvent(
            "arn:stack",
            "ev-2",
            "pl-a-txt-12345678",
            "HeadNode",
            "i-1",
            "AWS::EC2::Instance",
            T,
            CloudFormationResourceStatus.CREATE_FAILED,
            "Instance i-1 failed to stabilize",
            null,
            null);
    StackEvent started =
        new StackEvent(
            "arn:stack",
            "ev-1",
            "pl-a-txt-12345678",
            "HeadNode",
            null,
            "AWS::EC2::Instance",
            T.minusSeconds(60),
            CloudFormationResourceStatus.CREATE_IN_PROGRESS,
            null,
            null,
            null);

    ErrorReport report =
        ErrorReport.of(
            run,
            "createCluster",
            new IllegalStateException("cluster pl-a-txt-12345678 ended in CREATE_FAILED"),
            null,
            List.of(failed, started),
            T);

    JsonNode json = PipelineJson.MAPPER.readTree(report.toJson());
    assertThat(json.get("step").asText()).isEqualTo("createCluster");
    assertThat(json.get("exceptionType").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(json.get("clusterName").asText()).isEqualTo("pl-a-txt-12345678");
    assertThat(json.get("time").asText()).isEqualTo("2026-11-25T10:15:30Z");
    assertThat(json.get("input").get("key").asText()).isEqualTo("in/a.txt");
    assertThat(json.get("input").get("size").asLong()).isEqualTo(5);
    assertThat(json.get("stackEvents").get(0).toString())
        .isEqualTo(
            "{\"timestamp\":\"2026-11-25T10:15:30Z\",\"logicalResourceId\":\"HeadNode\","
                + "\"resourceStatus\":\"CREATE_FAILED\","
                + "\"resourceStatusReason\":\"Instance i-1 failed to stabilize\"}");
    assertThat(json.get("jobLogTail").isNull()).isTrue();
    assertThat(ErrorReport.fromJson(report.toJson())).isEqualTo(report);
  }

  @Test
  void keepsTheTailOfALongJobLogAndCapsEverythingElse() {
    PipelineRun run = journal.begin("demo", new InputObject("b", "k", "e"));
    String log = "start\n" + "x".repeat(40_000) + "\nthe real error at the end\n";
    List<StackEvent> many = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      many.add(new StackEvent(null, null, null, "R" + i, null, null, T, null, null, null, null));
    }
    ErrorReport report =
        ErrorReport.of(run, "submitJob", new RuntimeException("m".repeat(50_000)), log, many, T);

    assertThat(report.jobLogTail())
        .hasSize(ErrorReport.MAX_LOG_TAIL_CHARS)
        .endsWith("the real error at the end\n")
        .doesNotContain("start");
    assertThat(report.message()).hasSize(ErrorReport.MAX_MESSAGE_CHARS);
    assertThat(report.stackEvents()).hasSize(ErrorReport.MAX_STACK_EVENTS);
    assertThat(report.stackEvents().get(0).resourceStatus()).isNull();
  }

  @Test
  void aLogTailNeverSplitsACharacter() {
    PipelineRun run = journal.begin("demo", new InputObject("b", "k", "e"));
    String log = "🎉".repeat(ErrorReport.MAX_LOG_TAIL_CHARS) + "x";
    String tail = ErrorReport.of(run, "s", new RuntimeException(), log, null, T).jobLogTail();
    assertThat(Character.isLowSurrogate(tail.charAt(0))).isFalse();
    assertThat(tail.length()).isEqualTo(ErrorReport.MAX_LOG_TAIL_CHARS - 1);
  }

  @Test
  void anExceptionWithoutMessageIsNamedByItsType() {
    PipelineRun run = journal.begin("demo", new InputObject("b", "k", "e"));
    ErrorReport report = ErrorReport.of(run, "s", new NullPointerException(), null, null, T);
    assertThat(report.message()).isEqualTo("NullPointerException");
    assertThat(report.exceptionType()).isEqualTo("java.lang.NullPointerException");
    assertThat(report.stackEvents()).isEmpty();
  }

  @Test
  void hostileStringsRoundTrip() {
    InputObject input = new InputObject("b", HOSTILE + "x".repeat(1000), "\"" + HOSTILE + "\"", 0L);
    PipelineRun run = journal.begin("demo", input);
    ErrorReport report =
        ErrorReport.of(
            run,
            HOSTILE,
            new InputRejectedException(HOSTILE),
            HOSTILE,
            List.of(
                new StackEvent(
                    null,
                    null,
                    null,
                    HOSTILE,
                    null,
                    null,
                    T,
                    CloudFormationResourceStatus.UNKNOWN_TO_CLIENT,
                    HOSTILE,
                    null,
                    null)),
            T);
    String json = report.toJson();
    assertThat(json).doesNotContain("\u0000").doesNotContain("\u001b");
    ErrorReport read = ErrorReport.fromJson(json);
    assertThat(read).isEqualTo(report);
    assertThat(read.input().key()).startsWith(HOSTILE);
    assertThat(read.stackEvents().get(0).resourceStatusReason()).isEqualTo(HOSTILE);
  }
}
