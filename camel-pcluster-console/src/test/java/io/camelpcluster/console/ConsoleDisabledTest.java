package io.camelpcluster.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

/** A console added without configuration serves nothing. */
class ConsoleDisabledTest extends ConsoleTestSupport {

  @Override
  protected RoutesBuilder createRouteBuilder() {
    return new PclusterConsole(); // camel.pcluster.console.* not set: off
  }

  @Test
  void nothingIsServed() throws Exception {
    assertThat(context.getRoutes()).isEmpty();
    assertThat(context.getRestDefinitions()).isEmpty();
    assertThat(send(HttpRequest.newBuilder(uri("/pcluster"))).statusCode()).isEqualTo(404);
    assertThat(
            send(HttpRequest.newBuilder(uri("/pcluster/api/clusters"))
                    .header("Authorization", basic(USER, PASSWORD)))
                .statusCode())
        .isEqualTo(404);
    assertThat(send(HttpRequest.newBuilder(uri("/pcluster/api/openapi.json"))).statusCode())
        .isEqualTo(404);
  }
}
