package io.camelpcluster.emulator.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AWS-RunShellScript's parameters, and the agent's reading of the execution timeout. */
class RunShellScriptTest {

  @Test
  void defaultsAreAnHourAndTheOrchestrationDirectory() {
    RunShellScript script = RunShellScript.of(Map.of("commands", List.of("a", "b")));

    assertThat(script.executionTimeout()).isEqualTo(Duration.ofHours(1));
    assertThat(script.workingDirectory()).isEmpty();
    assertThat(script.script()).isEqualTo("a\nb\n");
  }

  @Test
  void timeoutsOutsideTheAgentsRangeBecomeAnHour() {
    assertThat(timeout("5")).isEqualTo(Duration.ofSeconds(5));
    assertThat(timeout("4")).isEqualTo(Duration.ofHours(1));
    assertThat(timeout("172800")).isEqualTo(Duration.ofHours(48));
  }

  @Test
  void timeoutsNotMatchingTheDocumentsPatternAreRefused() {
    for (String bad : List.of("0", "-1", "05", "172801", "1e3", "60s", " 60", "60\n")) {
      assertThatThrownBy(() -> timeout(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              SsmException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameters"));
    }
  }

  @Test
  void linesAreKeptVerbatim() {
    List<String> hostile = List.of("echo '$(id)'; `id`", "printf '%s\\n' \"a\nb\"", "é ✓ \u0000?");

    assertThat(RunShellScript.of(Map.of("commands", hostile)).commands())
        .containsExactlyElementsOf(hostile);
  }

  private static Duration timeout(String value) {
    return RunShellScript.of(
            Map.of("commands", List.of("true"), "executionTimeout", List.of(value)))
        .executionTimeout();
  }
}
