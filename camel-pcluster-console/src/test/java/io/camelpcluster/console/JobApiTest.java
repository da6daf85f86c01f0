package io.camelpcluster.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelpcluster.pcluster.PclusterConfiguration;
import io.camelpcluster.pcluster.headnode.HeadNodeCommand;
import io.camelpcluster.pcluster.headnode.LocalAccess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jobs panel's API on this machine's Slurm ({@code headNodeAccess=local}, as set up by
 * scripts/local-slurm.sh): submit, list, output, cancel. Skipped when Slurm is not installed.
 */
class JobApiTest extends ConsoleTestSupport {

  private static final String CLUSTER = "local-slurm";
  private static final String JOBS = "/pcluster/api/clusters/" + CLUSTER + "/jobs";

  /** The console's jobs directory of this run, under ec2-user's home. */
  private static final String RUN_DIR = "camel-pcluster-it/console-" + UUID.randomUUID();

  @BeforeAll
  static void assumeLocalSlurm() {
    boolean sinfo =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
            .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "sinfo")));
    assumeTrue(sinfo, "Slurm is not installed: run scripts/local-slurm.sh as root");
  }

  @AfterAll
  static void removeRunDirectory() {
    try (LocalAccess access = LocalAccess.open("ec2-user")) {
      access
          .run(
              new HeadNodeCommand(
                  "clean up",
                  "rm -rf -- " + RUN_DIR + " && rmdir --ignore-fail-on-non-empty camel-pcluster-it",
                  Duration.ofSeconds(30)))
          .join();
    }
  }

  @Override
  void configureComponent(PclusterConfiguration configuration) {
    configuration.setHeadNodeAccess("local");
    configuration.setPollInterval(Duration.ofMillis(250));
  }

  @Override
  ConsoleSettings settings() {
    return ConsoleSettings.builder()
        .enabled(true)
        .user(USER, PASSWORD)
        .jobsDirectory(RUN_DIR)
        .build();
  }

  @Test
  void submitsListsAndReadsTheOutputOfAJob() throws Exception {
    String marker = "hello from the console <b>&amp;</b> $(id) ✓";
    JsonNode submitted =
        changeJson(
            "POST",
            JOBS,
            Map.of(
                "script",
                "#!/bin/bash\necho '" + marker + "'\necho done-$SLURM_JOB_ID\n",
                "jobName",
                "console-echo",
                "ntasks",
                1));
    String jobId = submitted.path("jobId").asText();
    assertThat(jobId).matches("\\d+");

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode job = getJson(JOBS + "/" + jobId);
              assertThat(job.get(0).path("state").asText()).isEqualTo("COMPLETED");
              assertThat(job.get(0).path("exitCode").asInt()).isZero();
            });
    JsonNode listed = getJson(JOBS);
    assertThat(listed).anySatisfy(j -> assertThat(j.path("jobId").asText()).isEqualTo(jobId));

    JsonNode output = getJson(JOBS + "/" + jobId + "/output");
    assertThat(output.path("output").asText()).contains(marker).contains("done-" + jobId);
    assertThat(output.path("truncated").asBoolean()).isFalse();
  }

  @Test
  void cancelsARunningJob() throws Exception {
    String jobId =
        changeJson("POST", JOBS, Map.of("script", "#!/bin/bash\nsleep 300\n", "jobName", "nap"))
            .path("jobId")
            .asText();
    HttpResponse<String> cancelled = change("DELETE", JOBS + "/" + jobId, null);
    assertThat(cancelled.statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(getJson(JOBS + "/" + jobId).get(0).path("state").asText())
                    .isEqualTo("CANCELLED"));
  }

  @Test
  void refusesBadJobIdsAndEmptyScripts() throws Exception {
    assertThat(get(JOBS + "/1;id").statusCode()).isEqualTo(400);
    assertThat(change("DELETE", JOBS + "/abc", null).statusCode()).isEqualTo(400);
    HttpResponse<String> empty = change("POST", JOBS, Map.of("script", "  "));
    assertThat(empty.statusCode()).isEqualTo(400);
    HttpResponse<String> badSpec =
        change("POST", JOBS, Map.of("script", "#!/bin/bash\nhostname\n", "timeLimit", "soon"));
    assertThat(badSpec.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badSpec.body()).path("error").asText()).isNotBlank();
  }
}
