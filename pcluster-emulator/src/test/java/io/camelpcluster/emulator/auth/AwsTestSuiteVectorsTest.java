package io.camelpcluster.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests from AWS's published Signature Version 4 test suite (credentials AKIDEXAMPLE, 2015-08-30
 * 12:36:00Z, us-east-1, service "service"), written as they travel on the wire, must be accepted;
 * the same requests with one signature digit changed must not.
 */
class AwsTestSuiteVectorsTest {

  private static final String SCOPE = "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";
  private static final String SUITE_TOKEN =
      "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";

  private final SigV4Verifier verifier =
      new SigV4Verifier(
          new CredentialStore()
              .add("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
              .add("AKIDEXAMPLETOKEN", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", SUITE_TOKEN),
          "us-east-1",
          "service",
          Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC));

  static Stream<Arguments> vectors() {
    return Stream.of(
        vector(
            "get-vanilla",
            "GET / HTTP/1.1",
            "host;x-amz-date",
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        vector(
            "post-vanilla",
            "POST / HTTP/1.1",
            "host;x-amz-date",
            "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
        vector(
            "get-vanilla-query-order-key-case",
            "GET /?Param2=value2&Param1=value1 HTTP/1.1",
            "host;x-amz-date",
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        vector(
            "get-vanilla-query-order-encoded",
            "GET /?Param-3=Value3&Param=Value2&%E1%88%B4=Value1 HTTP/1.1",
            "host;x-amz-date",
            "371d3713e185cc334048618a97f809c9ffe339c62934c032af5a0e595648fcac"),
        vector(
            "get-vanilla-query-unreserved",
            "GET /?-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                + "=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz HTTP/1.1",
            "host;x-amz-date",
            "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
        vector(
            "get-vanilla-utf8-query",
            "GET /?\u1234=bar HTTP/1.1",
            "host;x-amz-date",
            "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
        vector(
            "get-utf8",
            "GET /\u1234 HTTP/1.1",
            "host;x-amz-date",
            "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
        vector(
            "get-space (normalized)",
            "GET /example space/ HTTP/1.1",
            "host;x-amz-date",
            "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
        vector(
            "get-slashes (normalized)",
            "GET //example// HTTP/1.1",
            "host;x-amz-date",
            "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"),
        vector(
            "get-slash-dot-slash (normalized)",
            "GET /./ HTTP/1.1",
            "host;x-amz-date",
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        vector(
            "get-relative-relative (normalized)",
            "GET /example1/example2/../.. HTTP/1.1",
            "host;x-amz-date",
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        vector(
            "get-header-key-duplicate",
            "GET / HTTP/1.1\nMy-Header1:value2\nMy-Header1:value2\nMy-Header1:value1",
            "host;my-header1;x-amz-date",
            "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
        vector(
            "get-header-value-trim",
            "GET / HTTP/1.1\nMy-Header1: value1\nMy-Header2: \"a   b   c\"",
            "host;my-header1;my-header2;x-amz-date",
            "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
        vector(
            "post-x-www-form-urlencoded (body hashed, no x-amz-content-sha256)",
            "POST / HTTP/1.1\nContent-Type:application/x-www-form-urlencoded\n\nParam1=value1",
            "content-type;host;x-amz-date",
            "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
        vector(
            "post-x-www-form-urlencoded (with x-amz-content-sha256)",
            "POST / HTTP/1.1\nContent-Type:application/x-www-form-urlencoded\nContent-Length:13\n"
                + "x-amz-content-sha256:"
                + "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e\n\nParam1=value1",
            "content-length;content-type;host;x-amz-content-sha256;x-amz-date",
            "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b"),
        Arguments.of(
            "get-vanilla-with-session-token",
            "GET / HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Date:20150830T123600Z\n"
                + "X-Amz-Security-Token:"
                + SUITE_TOKEN
                + "\nAuthorization:AWS4-HMAC-SHA256 Credential="
                + SCOPE.replace("AKIDEXAMPLE", "AKIDEXAMPLETOKEN")
                + ", SignedHeaders=host;x-amz-date;x-amz-security-token, Signature="
                + "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8\n",
            "AKIDEXAMPLETOKEN"),
        Arguments.of(
            "get-vanilla-query-order-key-case (presigned)",
            "GET /?Param2=value2&Param1=value1&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request"
                + "&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=host&X-Amz-Expires=3600"
                + "&X-Amz-Signature=86012e2c9ad4d77369f5d81c11f75158aae4f895a085212cc6d3f923d300bed5"
                + " HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Date:20150830T123600Z\n",
            "AKIDEXAMPLE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void acceptsThePublishedSignature(String name, String wire, String accessKeyId) {
    assertThat(verifier.verify(parse(wire))).isEqualTo(new Verdict.Accepted(accessKeyId));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void rejectsTheSignatureWithOneDigitChanged(String name, String wire, String accessKeyId) {
    String signature = wire.replaceAll("(?s).*Signature=([0-9a-f]{64}).*", "$1");
    String changed = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);

    Verdict verdict = verifier.verify(parse(wire.replace(signature, changed)));

    assertThat(verdict)
        .isEqualTo(new Verdict.Rejected(403, SignatureRejection.signatureMismatch().getMessage()));
  }

  /** A suite request: request line, extra headers, blank line, body; Host and date are added. */
  private static Arguments vector(
      String name, String requestWithExtraHeaders, String signedHeaders, String signature) {
    String[] headAndBody = requestWithExtraHeaders.split("\n\n", 2);
    String wire =
        headAndBody[0]
            + "\nHost:example.amazonaws.com\nX-Amz-Date:20150830T123600Z\n"
            + "Authorization:AWS4-HMAC-SHA256 Credential="
            + SCOPE
            + ", SignedHeaders="
            + signedHeaders
            + ", Signature="
            + signature
            + "\n\n"
            + (headAndBody.length > 1 ? headAndBody[1] : "");
    return Arguments.of(name, wire, "AKIDEXAMPLE");
  }

  /** Parses an HTTP/1.1 request as the test suite writes it; the target may contain spaces. */
  static SignedRequest parse(String wire) {
    String[] headAndBody = wire.split("\n\n", 2);
    List<String> lines = List.of(headAndBody[0].split("\n"));
    String requestLine = lines.get(0);
    String method = requestLine.substring(0, requestLine.indexOf(' '));
    String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(" HTTP/"));
    int question = target.indexOf('?');
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      int colon = line.indexOf(':');
      headers
          .computeIfAbsent(line.substring(0, colon), n -> new ArrayList<>())
          .add(line.substring(colon + 1));
    }
    return new SignedRequest(
        method,
        question < 0 ? target : target.substring(0, question),
        question < 0 ? null : target.substring(question + 1),
        headers,
        headAndBody.length > 1 ? headAndBody[1].getBytes(StandardCharsets.UTF_8) : null);
  }
}
