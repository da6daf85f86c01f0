package io.camelpcluster.emulator.auth;

import static io.camelpcluster.emulator.auth.SdkSigning.ACCESS_KEY;
import static io.camelpcluster.emulator.auth.SdkSigning.NOW;
import static io.camelpcluster.emulator.auth.SdkSigning.TEMP_ACCESS_KEY;
import static io.camelpcluster.emulator.auth.SdkSigning.signer;
import static io.camelpcluster.emulator.auth.SdkSigning.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/** Requests signed by the AWS SDK's AwsV4HttpSigner, as the component's client signs them. */
class SdkSignedRequestsTest {

  private static final String MISMATCH = SignatureRejection.signatureMismatch().getMessage();
  private static final String CLUSTER_JSON =
      "{\"clusterName\":\"hpc-1\",\"clusterConfiguration\":\"Image:\\n  Os: alinux2\\n\"}";

  private final SigV4Verifier verifier = SdkSigning.verifier();

  /** A request to the emulator; {@code query} holds unencoded name/value pairs. */
  private static SdkHttpRequest request(SdkHttpMethod method, String encodedPath, String... query) {
    SdkHttpRequest.Builder builder =
        SdkHttpRequest.builder()
            .method(method)
            .protocol("http")
            .host("localhost")
            .port(8080)
            .encodedPath("/prod" + encodedPath);
    for (int i = 0; i < query.length; i += 2) {
      builder.appendRawQueryParameter(query[i], query[i + 1]);
    }
    return builder.build();
  }

  static Stream<Arguments> acceptedRequests() {
    return Stream.of(
        Arguments.of(
            "GET, empty body, repeated clusterStatus",
            request(
                SdkHttpMethod.GET,
                "/v3/clusters",
                "region",
                "eu-west-1",
                "clusterStatus",
                "UPDATE_COMPLETE",
                "clusterStatus",
                "CREATE_COMPLETE"),
            null),
        Arguments.of(
            "GET, log stream name with %2F",
            request(SdkHttpMethod.GET, "/v3/images/custom/img-1/logstreams/3.12.0%2F1"), null),
        Arguments.of(
            "GET, unicode path segment",
            request(SdkHttpMethod.GET, "/v3/clusters/" + SdkHttpUtils.urlEncode("clüster-名前 x")),
            null),
        Arguments.of(
            "GET, query with spaces, '/', '=', '+', '*', '~', '&' and unicode",
            request(
                SdkHttpMethod.GET,
                "/v3/clusters/c1/logstreams",
                "filters",
                "Name=private-dns-name,Values=ip-10-0-0-1 Name=node-type,Values=HeadNode",
                "nextToken",
                "a/b+c=d&e*~ é",
                "empty",
                ""),
            null),
        Arguments.of(
            "POST, JSON body",
            request(SdkHttpMethod.POST, "/v3/clusters", "region", "us-east-1"),
            CLUSTER_JSON),
        Arguments.of("POST, empty body", request(SdkHttpMethod.POST, "/v3/clusters"), ""),
        Arguments.of(
            "PUT, JSON body",
            request(SdkHttpMethod.PUT, "/v3/clusters/hpc-1", "dryrun", "true"),
            CLUSTER_JSON),
        Arguments.of(
            "PATCH, JSON body",
            request(SdkHttpMethod.PATCH, "/v3/clusters/hpc-1/computefleet"),
            "{\"status\":\"STOP_REQUESTED\"}"),
        Arguments.of(
            "DELETE, with a body",
            request(SdkHttpMethod.DELETE, "/v3/clusters/hpc-1/instances", "force", "true"),
            "{}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedRequests")
  void acceptsLongTermCredentials(String name, SdkHttpRequest request, String body) {
    assertThat(verifier.verify(signer().sign(request, body)))
        .isEqualTo(new Verdict.Accepted(ACCESS_KEY));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedRequests")
  void acceptsTemporaryCredentialsWithTheirSessionToken(
      String name, SdkHttpRequest request, String body) {
    SignedRequest signed = signer().withIdentity(SdkSigning.temporary()).sign(request, body);

    assertThat(signed.firstHeader("X-Amz-Security-Token")).contains(SdkSigning.SESSION_TOKEN);
    assertThat(verifier.verify(signed)).isEqualTo(new Verdict.Accepted(TEMP_ACCESS_KEY));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedRequests")
  void acceptsPresignedUrls(String name, SdkHttpRequest request, String body) {
    SignedRequest signed = signer().presigned(Duration.ofMinutes(15)).sign(request, body);

    assertThat(signed.rawQuery()).contains("X-Amz-Signature=");
    assertThat(signed.firstHeader("Authorization")).isEmpty();
    assertThat(verifier.verify(signed)).isEqualTo(new Verdict.Accepted(ACCESS_KEY));
  }

  @Test
  void acceptsPresignedUrlsOfTemporaryCredentials() {
    SignedRequest signed =
        signer()
            .withIdentity(SdkSigning.temporary())
            .presigned(Duration.ofHours(1))
            .sign(request(SdkHttpMethod.GET, "/v3/clusters"), null);

    assertThat(signed.rawQuery()).contains("X-Amz-Security-Token=");
    assertThat(verifier.verify(signed)).isEqualTo(new Verdict.Accepted(TEMP_ACCESS_KEY));
  }

  @Test
  void acceptsSsmJson11PostsWhenTheServiceIsSsm() {
    SigV4Verifier ssm =
        new SigV4Verifier(SdkSigning.store(), "eu-west-1", "ssm", Clock.fixed(NOW, ZoneOffset.UTC));
    SdkHttpRequest sendCommand =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .protocol("http")
            .host("localhost")
            .port(8081)
            .encodedPath("/")
            .putHeader("Content-Type", "application/x-amz-json-1.1")
            .putHeader("X-Amz-Target", "AmazonSSM.SendCommand")
            .build();
    String body = "{\"DocumentName\":\"AWS-RunShellScript\",\"InstanceIds\":[\"i-0123\"]}";

    SignedRequest signed =
        signer().withRegion("eu-west-1").withService("ssm").sign(sendCommand, body);

    assertThat(ssm.verify(signed)).isEqualTo(new Verdict.Accepted(ACCESS_KEY));
    assertThat(verifier.verify(signed))
        .isEqualTo(
            new Verdict.Rejected(
                403,
                "Credential should be scoped to a valid region. "
                    + "Credential should be scoped to correct service: 'execute-api'. "));
  }

  @Test
  void acceptsSignaturesUpToFiveMinutesOldOrAhead() {
    SdkHttpRequest get = request(SdkHttpMethod.GET, "/v3/clusters");

    for (Duration offset :
        List.of(Duration.ofMinutes(-5), Duration.ofSeconds(-299), Duration.ofMinutes(5))) {
      assertThat(verifier.verify(signer().at(NOW.plus(offset)).sign(get, null)))
          .as("signed %s from now", offset)
          .isEqualTo(new Verdict.Accepted(ACCESS_KEY));
    }
  }

  @Test
  void acceptsAOneMegabyteBody() {
    String body = "{\"data\":\"" + "x".repeat(1 << 20) + "\"}";

    SignedRequest signed = signer().sign(request(SdkHttpMethod.POST, "/v3/clusters"), body);

    assertThat(verifier.verify(signed)).isEqualTo(new Verdict.Accepted(ACCESS_KEY));
  }

  @Test
  void ignoresHeadersThatWereNotSigned() {
    SignedRequest signed = signer().sign(request(SdkHttpMethod.GET, "/v3/clusters"), null);
    SignedRequest withMore =
        withHeader(
            withHeader(signed, "User-Agent", "camel-pcluster/1.0"), "Accept", "application/json");

    assertThat(verifier.verify(withMore)).isEqualTo(new Verdict.Accepted(ACCESS_KEY));
  }

  @Test
  void acceptsHeaderNamesInAnyCase() {
    SignedRequest signed = signer().sign(request(SdkHttpMethod.POST, "/v3/clusters"), CLUSTER_JSON);
    for (UnaryOperator<String> caseOf :
        List.<UnaryOperator<String>>of(
            n -> n.toLowerCase(Locale.ROOT), n -> n.toUpperCase(Locale.ROOT))) {
      Map<String, List<String>> headers = new HashMap<>();
      signed.headers().forEach((name, values) -> headers.put(caseOf.apply(name), values));

      SignedRequest recased =
          new SignedRequest(
              signed.method(), signed.rawPath(), signed.rawQuery(), headers, signed.body());

      assertThat(verifier.verify(recased)).isEqualTo(new Verdict.Accepted(ACCESS_KEY));
    }
  }

  @Test
  void acceptsRepeatedQueryKeysInAnotherOrder() {
    SignedRequest signed =
        signer()
            .sign(
                request(
                    SdkHttpMethod.GET, "/v3/clusters", "clusterStatus", "A", "clusterStatus", "B"),
                null);
    assertThat(signed.rawQuery()).isEqualTo("clusterStatus=A&clusterStatus=B");

    SignedRequest reordered = copy(signed, r -> r.query("clusterStatus=B&clusterStatus=A"));

    assertThat(verifier.verify(reordered)).isEqualTo(new Verdict.Accepted(ACCESS_KEY));
  }

  static Stream<Arguments> tamperings() {
    return Stream.of(
        Arguments.of(
            "body changed",
            (UnaryOperator<Parts>) r -> r.body(CLUSTER_JSON.replace("hpc-1", "hpc-2"))),
        Arguments.of("body removed", (UnaryOperator<Parts>) r -> r.body("")),
        Arguments.of("method changed", (UnaryOperator<Parts>) r -> r.method("PUT")),
        Arguments.of("path changed", (UnaryOperator<Parts>) r -> r.path("/prod/v3/clusters/hpc-2")),
        Arguments.of(
            "path decoded", (UnaryOperator<Parts>) r -> r.path("/prod/v3/clusters/hpc%2D1")),
        Arguments.of(
            "query value changed",
            (UnaryOperator<Parts>) r -> r.query("region=us-east-2&clusterStatus=A")),
        Arguments.of(
            "query parameter added",
            (UnaryOperator<Parts>) r -> r.query("region=us-east-1&clusterStatus=A&dryrun=true")),
        Arguments.of(
            "query parameter removed", (UnaryOperator<Parts>) r -> r.query("region=us-east-1")),
        Arguments.of("query removed", (UnaryOperator<Parts>) r -> r.query(null)),
        Arguments.of(
            "signed header changed",
            (UnaryOperator<Parts>) r -> r.header("Host", "localhost:9090")),
        Arguments.of(
            "date moved by one second",
            (UnaryOperator<Parts>) r -> r.header("X-Amz-Date", "20240101T001001Z")),
        Arguments.of(
            "payload declared unsigned",
            (UnaryOperator<Parts>) r -> r.header("x-amz-content-sha256", "UNSIGNED-PAYLOAD")),
        Arguments.of(
            "signed header removed", (UnaryOperator<Parts>) r -> r.header("x-amz-content-sha256")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void rejectsATamperedRequest(String name, UnaryOperator<Parts> tampering) {
    SignedRequest signed =
        signer()
            .sign(
                request(
                    SdkHttpMethod.POST,
                    "/v3/clusters/hpc-1",
                    "region",
                    "us-east-1",
                    "clusterStatus",
                    "A"),
                CLUSTER_JSON);
    assertThat(verifier.verify(signed)).isInstanceOf(Verdict.Accepted.class);

    assertThat(verifier.verify(copy(signed, tampering)))
        .isEqualTo(new Verdict.Rejected(403, MISMATCH));
  }

  @Test
  void rejectsATamperedPresignedUrl() {
    SignedRequest signed =
        signer()
            .presigned(Duration.ofMinutes(15))
            .sign(request(SdkHttpMethod.GET, "/v3/clusters", "region", "us-east-1"), null);

    SignedRequest otherRegion =
        copy(
            signed,
            r -> r.query(signed.rawQuery().replace("region=us-east-1", "region=eu-west-1")));
    SignedRequest longerLife =
        copy(
            signed,
            r -> r.query(signed.rawQuery().replace("X-Amz-Expires=900", "X-Amz-Expires=3600")));

    assertThat(signed.rawQuery()).contains("X-Amz-Expires=900");
    assertThat(verifier.verify(otherRegion)).isEqualTo(new Verdict.Rejected(403, MISMATCH));
    assertThat(verifier.verify(longerLife)).isEqualTo(new Verdict.Rejected(403, MISMATCH));
  }

  /** The parts of a received request, to change one. */
  record Parts(
      String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
    Parts method(String value) {
      return new Parts(value, path, query, headers, body);
    }

    Parts path(String value) {
      return new Parts(method, value, query, headers, body);
    }

    Parts query(String value) {
      return new Parts(method, path, value, headers, body);
    }

    Parts body(String value) {
      return new Parts(method, path, query, headers, value.getBytes(StandardCharsets.UTF_8));
    }

    Parts header(String name, String... values) {
      SignedRequest changed =
          withHeader(new SignedRequest(method, path, query, headers, body), name, values);
      return new Parts(method, path, query, changed.headers(), body);
    }
  }

  private static SignedRequest copy(SignedRequest request, UnaryOperator<Parts> change) {
    Parts parts =
        change.apply(
            new Parts(
                request.method(),
                request.rawPath(),
                request.rawQuery(),
                request.headers(),
                request.body()));
    return new SignedRequest(
        parts.method(), parts.path(), parts.query(), parts.headers(), parts.body());
  }
}
