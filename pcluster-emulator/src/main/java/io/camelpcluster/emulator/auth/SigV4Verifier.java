package io.camelpcluster.emulator.auth;

import io.camelpcluster.emulator.auth.CredentialStore.StoredCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies AWS Signature Version 4 on incoming requests the way API Gateway does with IAM
 * authorization (service {@code execute-api}), or any other non-S3 AWS service named by {@code
 * service}: {@code Authorization} header or presigned query, 5 minutes of clock skew, credential
 * scope, known access key, signature, then session token. Every refusal is a 403 with API Gateway's
 * message. Thread-safe.
 *
 * <p>The canonical request is rebuilt from the request as received, not by re-signing it with the
 * SDK's {@code AwsV4HttpSigner}: that signer picks the signed headers itself (it never signs {@code
 * user-agent} or {@code expect}, which other clients may), keeps the repeated slashes AWS
 * collapses, needs a path that parses as a {@code java.net.URI} and writes its own {@code X-Amz-*}
 * parameters into a presigned query; each would refuse correctly signed requests. The canonical
 * request and string to sign of a mismatch are logged at DEBUG, session token masked.
 */
public final class SigV4Verifier {

  private static final Logger LOG = LoggerFactory.getLogger(SigV4Verifier.class);

  private final CredentialStore credentials;
  private final String region;
  private final String service;
  private final Clock clock;

  /**
   * @param region the region requests must be scoped to (that of the endpoint)
   * @param service the signing name requests must be scoped to, e.g. {@code execute-api}
   */
  public SigV4Verifier(CredentialStore credentials, String region, String service, Clock clock) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.region = requireText(region, "region");
    this.service = requireText(service, "service");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Verdict verify(SignedRequest request) {
    Objects.requireNonNull(request, "request");
    try {
      return new Verdict.Accepted(authenticate(request));
    } catch (SignatureRejection rejection) {
      return new Verdict.Rejected(403, rejection.getMessage());
    }
  }

  /** Returns the access key id that signed {@code request}, in the order AWS checks. */
  private String authenticate(SignedRequest request) {
    QueryParameters query = QueryParameters.parse(request.rawQuery());
    SignatureParameters presented = SignatureParameters.of(request, query);
    presented
        .time()
        .requireCurrent(clock.instant(), SignatureParameters.CLOCK_SKEW, presented.validity());
    if (!presented.signedHeaders().contains("host")) {
      throw SignatureRejection.hostNotSigned();
    }
    if (!SignatureCalculator.ALGORITHM.equals(presented.algorithm())) {
      throw SignatureRejection.unsupportedAlgorithm(presented.algorithm());
    }
    CredentialScope scope = CredentialScope.parse(presented.credential());
    scope.requireValid(region, service, presented.time());
    StoredCredentials stored =
        credentials.find(scope.accessKeyId()).orElseThrow(SignatureRejection::invalidSecurityToken);

    String payloadHash = SignatureCalculator.sha256Hex(request.body());
    String declaredHash = request.firstHeader("x-amz-content-sha256").orElse(payloadHash);
    String canonicalRequest =
        CanonicalRequest.of(
            request, query, presented.signatureParameter(), presented.signedHeaders(), payloadHash);
    String stringToSign =
        SignatureCalculator.stringToSign(presented.time().amzDate(), scope, canonicalRequest);
    String expected = SignatureCalculator.signature(stored.secretAccessKey(), scope, stringToSign);
    boolean signatureMatches =
        MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8),
            presented.signature().getBytes(StandardCharsets.UTF_8));
    if (!signatureMatches || !declaredHash.equalsIgnoreCase(payloadHash)) {
      LOG.debug(
          "Signature mismatch for access key {}. Canonical request:\n{}\nString to sign:\n{}",
          scope.accessKeyId(),
          CanonicalRequest.redacted(canonicalRequest),
          stringToSign);
      throw SignatureRejection.signatureMismatch();
    }
    if (!stored.acceptsSessionToken(presented.securityToken())) {
      throw SignatureRejection.invalidSecurityToken();
    }
    return scope.accessKeyId();
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
