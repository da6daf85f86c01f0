package io.camelpcluster.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedRequestTest {

  @Test
  void headersAreCaseInsensitiveMergedAndImmutable() {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("X-Amz-Date", new ArrayList<>(List.of("20240101T000000Z")));
    headers.put("my-header", List.of("a"));
    headers.put("MY-HEADER", List.of("b"));

    SignedRequest request = new SignedRequest("GET", "/", null, headers, null);
    headers.get("X-Amz-Date").add("changed later");

    assertThat(request.headerValues("x-amz-date")).containsExactly("20240101T000000Z");
    assertThat(request.headerValues("My-Header")).containsExactlyInAnyOrder("a", "b");
    assertThat(request.firstHeader("absent")).isEmpty();
    assertThat(request.body()).isEmpty();
    assertThatThrownBy(() -> request.headers().put("Host", List.of("x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void printsNoHeaderValues() {
    SignedRequest request =
        new SignedRequest(
            "GET",
            "/prod/v3/clusters",
            "region=us-east-1",
            Map.of(
                "Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKID/..., Signature=abcdef"),
                "X-Amz-Security-Token", List.of("sessiontoken")),
            new byte[3]);

    assertThat(request.toString())
        .contains("GET /prod/v3/clusters?region=us-east-1", "Authorization", "3 bytes")
        .doesNotContain("Signature=abcdef")
        .doesNotContain("sessiontoken");
  }

  @Test
  void needsAMethodAndAPath() {
    assertThatThrownBy(() -> new SignedRequest(null, "/", null, Map.of(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("method");
    assertThatThrownBy(() -> new SignedRequest("GET", null, null, Map.of(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("rawPath");
  }
}
