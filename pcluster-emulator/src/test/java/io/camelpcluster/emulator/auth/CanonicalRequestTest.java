package io.camelpcluster.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalRequestTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'', /",
    "/, /",
    "/prod/v3/clusters, /prod/v3/clusters",
    "/prod/v3/clusters/, /prod/v3/clusters/",
    "/prod/v3/images/custom/img/logstreams/3.12.0%2F1, /prod/v3/images/custom/img/logstreams/3.12.0%252F1",
    "/prod/v3/clusters/cl%C3%BCster, /prod/v3/clusters/cl%25C3%25BCster",
    "/prod/v3/clusters/a b, /prod/v3/clusters/a%20b",
    "/prod/v3/clusters/a+b:c@d!$'()*, /prod/v3/clusters/a%2Bb%3Ac%40d%21%24%27%28%29%2A",
    "/prod/v3/clusters/é, /prod/v3/clusters/%C3%A9",
    "//example//, /example/",
    "/example/.., /",
    "/a/./b/../c, /a/c",
    "/a/b/., /a/b",
    "/../.., /",
    "/%2E%2E/a, /%252E%252E/a",
  })
  void theCanonicalUriIsThePathNormalisedThenEncodedAgain(String rawPath, String canonical) {
    assertThat(CanonicalRequest.canonicalUri(rawPath)).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|''",
        "clusterStatus=B&clusterStatus=A&region=us-east-1|clusterStatus=A&clusterStatus=B&region=us-east-1",
        "b=2&a=1&B=0|B=0&a=1&b=2",
        "q=a%20b|q=a%20b",
        "q=a+b|q=a%2Bb",
        "q=a%2fb%3dc|q=a%2Fb%3Dc",
        "q=a/b=c|q=a%2Fb%3Dc",
        "flag&x=|flag=&x=",
        "a=1&&b=2&|a=1&b=2",
        "=x&a=1|a=1",
        "q=%zz%4|q=%25zz%254",
        "q=%FF%FE|q=%FF%FE",
        "q=é|q=%C3%A9",
        "q=~-_.*|q=~-_.%2A",
        "Param-3=Value3&Param=Value2&%E1%88%B4=Value1|%E1%88%B4=Value1&Param=Value2&Param-3=Value3",
      })
  void theCanonicalQueryIsReEncodedAndSorted(String rawQuery, String canonical) {
    assertThat(QueryParameters.parse(rawQuery).canonical(null)).isEqualTo(canonical);
  }

  @Test
  void aPresignedQueryLeavesItsSignatureOut() {
    QueryParameters query =
        QueryParameters.parse("X-Amz-Signature=abc&region=eu-west-1&X-Amz-Date=20240101T000000Z");

    assertThat(query.canonical("X-Amz-Signature"))
        .isEqualTo("X-Amz-Date=20240101T000000Z&region=eu-west-1");
    assertThat(query.first("X-Amz-Signature")).contains("abc");
    assertThat(query.first("x-amz-signature")).isEmpty();
  }

  @Test
  void signedHeadersAreTrimmedCollapsedAndRepeatedValuesJoined() {
    SignedRequest request =
        new SignedRequest(
            "POST",
            "/",
            null,
            Map.of(
                "Host", List.of("localhost:8080"),
                "X-Multi", List.of("  a   b\t\tc  ", "second"),
                "Ignored", List.of("not signed")),
            "{}".getBytes(StandardCharsets.UTF_8));

    String canonical =
        CanonicalRequest.of(
            request, QueryParameters.parse(null), null, List.of("host", "x-multi"), "HASH");

    assertThat(canonical)
        .isEqualTo("POST\n/\n\nhost:localhost:8080\nx-multi:a b c,second\n\nhost;x-multi\nHASH");
  }

  @Test
  void theSessionTokenIsMaskedForLogs() {
    String canonical =
        "GET\n/\nX-Amz-Security-Token=SECRET%2FTOKEN&a=1\nhost:h\nx-amz-security-token:SECRET/TOKEN\n\n"
            + "host;x-amz-security-token\nHASH";

    assertThat(CanonicalRequest.redacted(canonical))
        .doesNotContain("SECRET")
        .isEqualTo(
            "GET\n/\nX-Amz-Security-Token=****&a=1\nhost:h\nx-amz-security-token:****\n\n"
                + "host;x-amz-security-token\nHASH");
  }
}
