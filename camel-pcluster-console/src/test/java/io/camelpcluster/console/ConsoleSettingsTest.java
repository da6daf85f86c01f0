package io.camelpcluster.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.console.security.AnyOfAuthenticator;
import io.camelpcluster.console.security.BasicAuthenticator;
import io.camelpcluster.console.security.ConsoleAuthenticator;
import io.camelpcluster.console.security.ConsolePrincipal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class ConsoleSettingsTest {

  @Test
  void offByDefault() {
    ConsoleSettings settings = ConsoleSettings.fromProperties(Map.of("camel.main.name", "app"));
    assertThat(settings.enabled()).isFalse();
    assertThat(settings.contextPath()).isEqualTo("/pcluster");
    assertThat(settings.apiPath()).isEqualTo("/pcluster/api");
    assertThat(settings.cacheTtl()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void readsEveryProperty() {
    ConsoleSettings settings =
        ConsoleSettings.fromProperties(
            Map.of(
                "camel.pcluster.console.enabled", "true",
                "camel.pcluster.console.context-path", "/ops/hpc",
                "camel.pcluster.console.cacheTtl", "10s",
                "camel.pcluster.console.jobsDirectory", "console/jobs",
                "camel.pcluster.console.templates.small", "classpath:small.yaml",
                "camel.pcluster.console.templates.gpu-1", "file:/etc/hpc/gpu.yaml",
                "camel.pcluster.console.users.alice", "secret-one",
                "camel.pcluster.console.tokens.ci", "0123456789abcdef0123"));
    assertThat(settings.enabled()).isTrue();
    assertThat(settings.contextPath()).isEqualTo("/ops/hpc");
    assertThat(settings.cacheTtl()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.jobsDirectory()).isEqualTo("console/jobs");
    assertThat(settings.templates())
        .containsEntry("small", "classpath:small.yaml")
        .containsEntry("gpu-1", "file:/etc/hpc/gpu.yaml");
    assertThat(settings.users()).containsKey("alice");
    assertThat(settings.tokens()).containsKey("ci");
    assertThat(settings.toString())
        .contains("alice")
        .doesNotContain("secret-one")
        .doesNotContain("0123456789abcdef0123");
  }

  @Test
  void refusesWhatItCannotServeSafely() {
    assertThatThrownBy(() -> props("camel.pcluster.console.enabled", "yes"))
        .hasMessageContaining("true or false");
    assertThatThrownBy(() -> props("camel.pcluster.console.contextPath", "/pcluster/"))
        .hasMessageContaining("contextPath");
    assertThatThrownBy(() -> props("camel.pcluster.console.contextPath", "/a/../b"))
        .hasMessageContaining("contextPath");
    assertThatThrownBy(() -> props("camel.pcluster.console.contextPath", "/x\"><script>"))
        .hasMessageContaining("contextPath");
    assertThatThrownBy(() -> props("camel.pcluster.console.jobsDirectory", "/etc"))
        .hasMessageContaining("jobsDirectory");
    assertThatThrownBy(() -> props("camel.pcluster.console.jobsDirectory", "a/../../b"))
        .hasMessageContaining("jobsDirectory");
    assertThatThrownBy(() -> props("camel.pcluster.console.templates.bad name", "classpath:x"))
        .hasMessageContaining("template name");
    assertThatThrownBy(() -> props("camel.pcluster.console.cacheTtl", "soon"))
        .hasMessageContaining("duration");
    assertThatThrownBy(() -> props("camel.pcluster.console.pasword", "x"))
        .hasMessageContaining("unknown console property: camel.pcluster.console.pasword");
  }

  @Test
  void anEnabledConsoleNeedsAWayToSignIn() {
    ConsoleSettings nobody = ConsoleSettings.builder().enabled(true).build();
    assertThatThrownBy(() -> PclusterConsole.authenticator(new DefaultCamelContext(), nobody))
        .hasMessageContaining("nobody can sign in");

    ConsoleSettings both =
        ConsoleSettings.builder()
            .enabled(true)
            .user("alice", "pw")
            .token("ci", "0123456789abcdef")
            .build();
    assertThat(PclusterConsole.authenticator(new DefaultCamelContext(), both))
        .isInstanceOf(AnyOfAuthenticator.class);
    ConsoleSettings users = ConsoleSettings.builder().enabled(true).user("alice", "pw").build();
    assertThat(PclusterConsole.authenticator(new DefaultCamelContext(), users))
        .isInstanceOf(BasicAuthenticator.class);
  }

  @Test
  void aRegistryBeanCanAuthenticate() {
    ConsoleAuthenticator sso =
        new ConsoleAuthenticator() {
          @Override
          public Optional<ConsolePrincipal> authenticate(String authorization) {
            return "Sso ok".equals(authorization)
                ? Optional.of(new ConsolePrincipal("sso-user"))
                : Optional.empty();
          }

          @Override
          public List<String> challenges() {
            return List.of("Sso");
          }
        };
    DefaultCamelContext context = new DefaultCamelContext();
    context.getRegistry().bind("sso", sso);
    ConsoleSettings settings = ConsoleSettings.builder().enabled(true).authenticator("sso").build();
    assertThat(PclusterConsole.authenticator(context, settings)).isSameAs(sso);
    ConsoleSettings missing = ConsoleSettings.builder().enabled(true).authenticator("nope").build();
    assertThatThrownBy(() -> PclusterConsole.authenticator(context, missing))
        .hasMessageContaining("no ConsoleAuthenticator bean");
  }

  private static ConsoleSettings props(String key, String value) {
    return ConsoleSettings.fromProperties(Map.of(key, value));
  }
}
