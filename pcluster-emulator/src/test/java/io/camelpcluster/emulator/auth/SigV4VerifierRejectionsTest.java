package io.camelpcluster.emulator.auth;

import static io.camelpcluster.emulator.auth.SdkSigning.ACCESS_KEY;
import static io.camelpcluster.emulator.auth.SdkSigning.NOW;
import static io.camelpcluster.emulator.auth.SdkSigning.SECRET;
import static io.camelpcluster.emulator.auth.SdkSigning.SESSION_TOKEN;
import static io.camelpcluster.emulator.auth.SdkSigning.TEMP_ACCESS_KEY;
import static io.camelpcluster.emulator.auth.SdkSigning.TEMP_SECRET;
import static io.camelpcluster.emulator.auth.SdkSigning.signer;
import static io.camelpcluster.emulator.auth.SdkSigning.withHeader;
import static io.camelpcluster.emulator.auth.SdkSigning.withoutHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Every refusal is a 403 with API Gateway's message, and no message holds a secret. */
class SigV4VerifierRejectionsTest {

  private static final String MISSING_TOKEN = "Missing Authentication Token";
  private static final String INVALID_TOKEN =
      "The security token included in the request is invalid.";
  private static final String MISMATCH =
      "The request signature we calculated does not match the signature you provided. Check your"
          + " AWS Secret Access Key and signing method. Consult the service documentation for"
          + " details.";

  private final SigV4Verifier verifier = SdkSigning.verifier();
  private final List<String> messages = new ArrayList<>();

  private SignedRequest signedGet() {
    return signer()
        .sign(SdkSigning.request(SdkHttpMethod.GET, "/v3/clusters?region=us-east-1"), null);
  }

  private SignedRequest withAuthorization(SignedRequest request, String from, String to) {
    String authorization = request.firstHeader("Authorization").orElseThrow();
    assertThat(authorization).contains(from);
    return withHeader(request, "Authorization", authorization.replace(from, to));
  }

  private void assertRejected(SignedRequest request, String message) {
    Verdict verdict = verifier.verify(request);
    assertThat(verdict).isEqualTo(new Verdict.Rejected(403, message));
    messages.add(message);
  }

  private static String hashed(String authorization) throws Exception {
    return Base64.getEncoder()
        .encodeToString(
            MessageDigest.getInstance("SHA-256")
                .digest(authorization.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void withoutAnyAuthenticationTheTokenIsMissing() {
    SignedRequest unsigned = withoutHeader(signedGet(), "Authorization");

    assertRejected(unsigned, MISSING_TOKEN);
    assertRejected(withHeader(unsigned, "Authorization", "   "), MISSING_TOKEN);
    assertRejected(
        new SignedRequest("GET", "/prod/v3/clusters", null, Map.of(), null), MISSING_TOKEN);
  }

  @Test
  void anUnknownAccessKeyHasAnInvalidSecurityToken() {
    SignedRequest signed =
        signer()
            .withIdentity(AwsCredentialsIdentity.create("AKIAUNKNOWN", SECRET))
            .sign(SdkSigning.request(SdkHttpMethod.GET, "/v3/clusters"), null);

    assertRejected(signed, INVALID_TOKEN);
  }

  @Test
  void aWrongSecretGivesASignatureMismatch() {
    SignedRequest signed =
        signer()
            .withIdentity(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET + "x"))
            .sign(SdkSigning.request(SdkHttpMethod.GET, "/v3/clusters"), null);

    assertRejected(signed, MISMATCH);
  }

  @Test
  void temporaryCredentialsNeedTheirOwnSessionToken() {
    var get = SdkSigning.request(SdkHttpMethod.GET, "/v3/clusters");

    SignedRequest withoutToken =
        signer()
            .withIdentity(AwsCredentialsIdentity.create(TEMP_ACCESS_KEY, TEMP_SECRET))
            .sign(get, null);
    SignedRequest otherToken =
        signer()
            .withIdentity(
                AwsSessionCredentialsIdentity.create(TEMP_ACCESS_KEY, TEMP_SECRET, "other-token"))
            .sign(get, null);
    SignedRequest tokenForLongTermKey =
        signer()
            .withIdentity(AwsSessionCredentialsIdentity.create(ACCESS_KEY, SECRET, SESSION_TOKEN))
            .sign(get, null);

    assertRejected(withoutToken, INVALID_TOKEN);
    assertRejected(otherToken, INVALID_TOKEN);
    assertRejected(tokenForLongTermKey, INVALID_TOKEN);
  }

  @Test
  void theCredentialMustBeScopedToTheRegionAndService() {
    var get = SdkSigning.request(SdkHttpMethod.GET, "/v3/clusters");

    assertRejected(
        signer().withRegion("eu-west-1").sign(get, null),
        "Credential should be scoped to a valid region. ");
    assertRejected(
        signer().withService("ParallelCluster").sign(get, null),
        "Credential should be scoped to correct service: 'execute-api'. ");
    assertRejected(
        withAuthorization(signedGet(), "/aws4_request", "/aws5_request"),
        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. ");
    assertRejected(
        withAuthorization(signedGet(), "/20240101/", "/20231231/"),
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP:"
            + " '20231231' != '20240101', from '20240101T001000Z'.");
    assertRejected(
        withAuthorization(
            signedGet(), "/20240101/us-east-1/execute-api/", "/20231231/eu-west-1/ssm/"),
        "Credential should be scoped to a valid region. "
            + "Credential should be scoped to correct service: 'execute-api'. "
            + "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from"
            + " HTTP: '20231231' != '20240101', from '20240101T001000Z'.");
  }

  @Test
  void aCredentialNeedsFiveParts() {
    assertRejected(
        withAuthorization(signedGet(), "/execute-api/aws4_request", "/execute-api"),
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,"
            + " got '"
            + ACCESS_KEY
            + "/20240101/us-east-1/execute-api'");
  }

  @Test
  void aNonSigV4AuthorizationHeaderIsNotKeyValuePairs() throws Exception {
    String bearer = "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig";

    assertRejected(
        withHeader(signedGet(), "Authorization", bearer),
        "Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256"
            + " and encoded with Base64): '"
            + hashed(bearer)
            + "'.");
  }

  @Test
  void anIncompleteAuthorizationHeaderListsWhatIsMissing() throws Exception {
    String partial =
        "AWS4-HMAC-SHA256 Credential="
            + ACCESS_KEY
            + "/20240101/us-east-1/execute-api/aws4_request";
    SignedRequest noDate =
        withoutHeader(withHeader(signedGet(), "Authorization", partial), "X-Amz-Date");

    assertRejected(
        noDate,
        "Authorization header requires 'Signature' parameter. Authorization header requires"
            + " 'SignedHeaders' parameter. Authorization header requires existence of either a"
            + " 'X-Amz-Date' or a 'Date' header. (Hashed with SHA-256 and encoded with Base64)"
            + " Authorization="
            + hashed(partial));
    assertRejected(
        withHeader(signedGet(), "Authorization", "AWS4-HMAC-SHA256"),
        "Authorization header requires 'Credential' parameter. Authorization header requires"
            + " 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter."
            + " (Hashed with SHA-256 and encoded with Base64) Authorization="
            + hashed("AWS4-HMAC-SHA256"));
  }

  @Test
  void aMissingXAmzDateIsReported() throws Exception {
    SignedRequest signed = signedGet();

    assertRejected(
        withoutHeader(signed, "X-Amz-Date"),
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
            + " (Hashed with SHA-256 and encoded with Base64) Authorization="
            + hashed(signed.firstHeader("Authorization").orElseThrow()));
  }

  @Test
  void xAmzDateMustBeInBasicFormat() {
    for (String date : List.of("2024-01-01T00:10:00Z", "20241301T001000Z", "20240101T001000", "")) {
      assertRejected(
          withHeader(signedGet(), "X-Amz-Date", date),
          "Date must be in ISO-8601 'basic format'. Got '"
              + date
              + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }
  }

  @Test
  void aSignatureMoreThanFiveMinutesOldHasExpired() {
    SigV4Verifier tenPast =
        new SigV4Verifier(
            SdkSigning.store(),
            "us-east-1",
            "execute-api",
            Clock.fixed(Instant.parse("2024-01-01T00:10:00Z"), ZoneOffset.UTC));
    SignedRequest signed =
        signer()
            .at(Instant.parse("2024-01-01T00:00:00Z"))
            .sign(SdkSigning.request(SdkHttpMethod.GET, "/v3/clusters"), null);

    Verdict verdict = tenPast.verify(signed);

    assertThat(verdict)
        .isEqualTo(
            new Verdict.Rejected(
                403,
                "Signature expired: 20240101T000000Z is now earlier than 20240101T000500Z"
                    + " (20240101T001000Z - 5 min.)"));
    assertRejected(
        signer()
            .at(NOW.minusSeconds(301))
            .sign(SdkSigning.request(SdkHttpMethod.GET, "/v3/clusters"), null),
        "Signature expired: 20240101T000459Z is now earlier than 20240101T000500Z (20240101T001000Z - 5 min.)");
  }

  @Test
  void aSignatureMoreThanFiveMinutesAheadIsNotYetCurrent() {
    assertRejected(
        signer()
            .at(NOW.plusSeconds(301))
            .sign(SdkSigning.request(SdkHttpMethod.GET, "/v3/clusters"), null),
        "Signature not yet current: 20240101T001501Z is still later than 20240101T001500Z"
            + " (20240101T001000Z + 5 min.)");
  }

  @Test
  void hostMustBeSigned() {
    SignedRequest signed = signedGet();

    assertRejected(
        withAuthorization(signed, "SignedHeaders=host;", "SignedHeaders="),
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  @Test
  void onlyAws4HmacSha256IsSupported() {
    assertRejected(
        withAuthorization(signedGet(), "AWS4-HMAC-SHA256 ", "AWS4-ECDSA-P256-SHA256 "),
        "Unsupported AWS 'algorithm': 'AWS4-ECDSA-P256-SHA256'.");
  }

  @Test
  void aPresignedUrlNeedsAllItsParametersAndExpires() {
    var get = SdkSigning.request(SdkHttpMethod.GET, "/v3/clusters");
    SignedRequest presigned = signer().presigned(Duration.ofMinutes(15)).sign(get, null);
    String query = presigned.rawQuery();

    assertRejected(
        new SignedRequest(
            "GET",
            presigned.rawPath(),
            query.replaceAll("&?X-Amz-Signature=[0-9a-f]+", ""),
            presigned.headers(),
            null),
        "AWS query-string parameters must include 'X-Amz-Signature'. Re-examine the query-string parameters.");
    assertRejected(
        new SignedRequest(
            "GET",
            presigned.rawPath(),
            query.replace("X-Amz-Expires=900", "X-Amz-Expires=soon"),
            presigned.headers(),
            null),
        "X-Amz-Expires should be a number");
    assertRejected(
        new SignedRequest(
            "GET",
            presigned.rawPath(),
            query.replace("X-Amz-Expires=900", "X-Amz-Expires=604801"),
            presigned.headers(),
            null),
        "X-Amz-Expires must be less than a week (in seconds) that is 604800");
    assertRejected(
        signer()
            .presigned(Duration.ofMinutes(15))
            .at(NOW.minus(Duration.ofMinutes(16)))
            .sign(get, null),
        "Signature expired: 20231231T235400Z is now earlier than 20231231T235500Z (20240101T001000Z - 15 min.)");
    assertThat(
            verifier.verify(
                signer()
                    .presigned(Duration.ofMinutes(15))
                    .at(NOW.minus(Duration.ofMinutes(14)))
                    .sign(get, null)))
        .isEqualTo(new Verdict.Accepted(ACCESS_KEY));
  }

  @Test
  void hostileHeadersGetClearBoundedAnswers() throws Exception {
    String huge =
        "AWS4-HMAC-SHA256 Credential=" + "A".repeat(10_000) + ", SignedHeaders=host, Signature=00";
    String newlines =
        "AWS4-HMAC-SHA256 Credential=a\nb, SignedHeaders=host;x-amz-date\r\n, Signature=$(rm -rf /);`id`";
    String date = "20240101T001000Z\n; rm -rf / " + "é".repeat(5_000);

    assertRejected(
        withHeader(signedGet(), "Authorization", huge),
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
            + "A".repeat(128)
            + "...'");
    assertRejected(
        withHeader(signedGet(), "Authorization", newlines),
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'a\nb'");
    assertRejected(
        withHeader(signedGet(), "X-Amz-Date", date),
        "Date must be in ISO-8601 'basic format'. Got '"
            + date.substring(0, 128)
            + "...'. See http://en.wikipedia.org/wiki/ISO_8601");
    assertRejected(
        new SignedRequest(
            "GET",
            "/prod/v3/clusters/%zz%%/\u0000\uD800",
            "a=%G1&=x&&b",
            signedGet().headers(),
            null),
        MISMATCH);
  }

  @Test
  void noMessageEverHoldsASecret() {
    withoutAnyAuthenticationTheTokenIsMissing();
    anUnknownAccessKeyHasAnInvalidSecurityToken();
    aWrongSecretGivesASignatureMismatch();
    temporaryCredentialsNeedTheirOwnSessionToken();
    theCredentialMustBeScopedToTheRegionAndService();
    aCredentialNeedsFiveParts();
    xAmzDateMustBeInBasicFormat();
    aSignatureMoreThanFiveMinutesOldHasExpired();
    aSignatureMoreThanFiveMinutesAheadIsNotYetCurrent();
    hostMustBeSigned();
    onlyAws4HmacSha256IsSupported();
    aPresignedUrlNeedsAllItsParametersAndExpires();

    assertThat(messages).hasSizeGreaterThan(20);
    assertThat(messages)
        .allSatisfy(
            message ->
                assertThat(message)
                    .doesNotContain(SECRET)
                    .doesNotContain(TEMP_SECRET)
                    .doesNotContain(SESSION_TOKEN));
  }

  @Test
  void theHttpDateHeaderMayStandInForXAmzDate() {
    // AWS SigV4 test suite of 2011: Date header, service "host", signed headers date;host.
    SigV4Verifier suite2011 =
        new SigV4Verifier(
            new CredentialStore().add("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            "us-east-1",
            "host",
            Clock.fixed(Instant.parse("2011-09-09T23:36:00Z"), ZoneOffset.UTC));
    SignedRequest getVanilla =
        new SignedRequest(
            "GET",
            "/",
            null,
            Map.of(
                "Date", List.of("Mon, 09 Sep 2011 23:36:00 GMT"),
                "Host", List.of("host.foo.com"),
                "Authorization",
                    List.of(
                        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20110909/us-east-1/host/aws4_request,"
                            + " SignedHeaders=date;host,"
                            + " Signature=b27ccfbfa7df52a200ff74193ca6e32d4b48b8856fab7ebf1c595d0670a7e470")),
            null);

    assertThat(suite2011.verify(getVanilla)).isEqualTo(new Verdict.Accepted("AKIDEXAMPLE"));
    assertThat(suite2011.verify(withHeader(getVanilla, "Date", "Mon, 09 Sep 2011 23:36:01 GMT")))
        .isEqualTo(new Verdict.Rejected(403, MISMATCH));
    assertThat(suite2011.verify(withHeader(getVanilla, "Date", "yesterday")))
        .isEqualTo(
            new Verdict.Rejected(
                403,
                "Date must be in ISO-8601 'basic format'. Got 'yesterday'. See http://en.wikipedia.org/wiki/ISO_8601"));
  }

  @Test
  void theVerifierNeedsItsSettings() {
    Clock clock = Clock.systemUTC();
    CredentialStore store = new CredentialStore();

    assertThatThrownBy(() -> new SigV4Verifier(store, " ", "execute-api", clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("region must not be blank");
    assertThatThrownBy(() -> new SigV4Verifier(store, "us-east-1", "", clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service must not be blank");
    assertThatThrownBy(() -> new SigV4Verifier(null, "us-east-1", "execute-api", clock))
        .isInstanceOf(NullPointerException.class);
  }
}
