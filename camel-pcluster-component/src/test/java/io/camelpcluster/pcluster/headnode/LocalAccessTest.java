package io.camelpcluster.pcluster.headnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LocalAccessTest extends HeadNodeAccessContract {

  @Override
  HeadNodeAccess open() {
    return TestHeadNodes.local();
  }

  @Test
  void commandsGetACleanEnvironment() {
    Set<String> names =
        Arrays.stream(run("env").stdout().split("\n"))
            .map(line -> line.substring(0, line.indexOf('=')))
            .collect(Collectors.toSet());

    assertThat(names)
        .contains("HOME", "USER", "LOGNAME", "PATH")
        .allMatch(n -> Set.of("HOME", "USER", "LOGNAME", "SHELL", "PATH", "PWD").contains(n));
  }

  @Test
  void anUnknownUserIsRefused() {
    assertThatThrownBy(() -> LocalAccess.open("no-such-user-xyz"))
        .isInstanceOf(HeadNodeException.class)
        .hasMessageContaining("'no-such-user-xyz' does not exist");
  }

  @Test
  void aClosedAccessRunsNothing() {
    LocalAccess closed = TestHeadNodes.local();
    closed.close();

    assertThatThrownBy(
            () ->
                closed
                    .run(new HeadNodeCommand("after close", "true", Duration.ofSeconds(5)))
                    .join())
        .cause()
        .isInstanceOf(HeadNodeException.class)
        .hasMessageContaining("closed");
  }
}
