package io.camelpcluster.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Why a request's signature is refused, worded as API Gateway (IAM authorization) words it. Each
 * message is answered with HTTP 403. Values taken from the request are echoed at most {@value
 * #MAX_ECHO} characters long; secrets are never part of a message.
 */
final class SignatureRejection extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_ECHO = 128;

  private SignatureRejection(String message) {
    super(message, null, false, false);
  }

  static SignatureRejection missingAuthenticationToken() {
    return new SignatureRejection("Missing Authentication Token");
  }

  static SignatureRejection invalidKeyValuePair(String authorization) {
    return new SignatureRejection(
        "Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256"
            + " and encoded with Base64): '"
            + hashed(authorization)
            + "'.");
  }

  /** {@code problems} are full sentences such as "Authorization header requires 'X' parameter." */
  static SignatureRejection incompleteAuthorization(List<String> problems, String authorization) {
    return new SignatureRejection(
        String.join(" ", problems)
            + " (Hashed with SHA-256 and encoded with Base64) Authorization="
            + hashed(authorization));
  }

  static SignatureRejection missingQueryParameter(String name) {
    return new SignatureRejection(
        "AWS query-string parameters must include '"
            + name
            + "'. Re-examine the query-string parameters.");
  }

  static SignatureRejection expiresNotANumber() {
    return new SignatureRejection("X-Amz-Expires should be a number");
  }

  static SignatureRejection expiresTooLong() {
    return new SignatureRejection(
        "X-Amz-Expires must be less than a week (in seconds) that is 604800");
  }

  static SignatureRejection dateNotBasicFormat(String date) {
    return new SignatureRejection(
        "Date must be in ISO-8601 'basic format'. Got '"
            + echo(date)
            + "'. See http://en.wikipedia.org/wiki/ISO_8601");
  }

  static SignatureRejection signatureExpired(
      String requestTime, String earliest, String now, Duration window) {
    return new SignatureRejection(
        "Signature expired: "
            + requestTime
            + " is now earlier than "
            + earliest
            + " ("
            + now
            + " - "
            + describe(window)
            + ".)");
  }

  static SignatureRejection signatureNotYetCurrent(
      String requestTime, String latest, String now, Duration window) {
    return new SignatureRejection(
        "Signature not yet current: "
            + requestTime
            + " is still later than "
            + latest
            + " ("
            + now
            + " + "
            + describe(window)
            + ".)");
  }

  static SignatureRejection hostNotSigned() {
    return new SignatureRejection(
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  static SignatureRejection unsupportedAlgorithm(String algorithm) {
    return new SignatureRejection("Unsupported AWS 'algorithm': '" + echo(algorithm) + "'.");
  }

  static SignatureRejection malformedCredential(String credential) {
    return new SignatureRejection(
        "Credential must have exactly 5 slash-delimited elements, e.g."
            + " keyid/date/region/service/term, got '"
            + echo(credential)
            + "'");
  }

  static SignatureRejection wrongRegion() {
    return new SignatureRejection("Credential should be scoped to a valid region. ");
  }

  static SignatureRejection wrongService(String service) {
    return new SignatureRejection(
        "Credential should be scoped to correct service: '" + service + "'. ");
  }

  static SignatureRejection wrongTerminator(String terminator) {
    return new SignatureRejection(
        "Credential should be scoped with a valid terminator: 'aws4_request', not '"
            + echo(terminator)
            + "'. ");
  }

  static SignatureRejection wrongScopeDate(String scopeDate, String requestDate, String amzDate) {
    return new SignatureRejection(
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP:"
            + " '"
            + echo(scopeDate)
            + "' != '"
            + requestDate
            + "', from '"
            + amzDate
            + "'.");
  }

  /** API Gateway reports every credential-scope problem at once, in one message. */
  static SignatureRejection combined(List<SignatureRejection> rejections) {
    StringBuilder message = new StringBuilder();
    rejections.forEach(rejection -> message.append(rejection.getMessage()));
    return new SignatureRejection(message.toString());
  }

  static SignatureRejection invalidSecurityToken() {
    return new SignatureRejection("The security token included in the request is invalid.");
  }

  static SignatureRejection signatureMismatch() {
    return new SignatureRejection(
        "The request signature we calculated does not match the signature you provided. Check"
            + " your AWS Secret Access Key and signing method. Consult the service documentation"
            + " for details.");
  }

  private static String echo(String value) {
    return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "...";
  }

  private static String describe(Duration window) {
    long seconds = window.toSeconds();
    return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " sec";
  }

  private static String hashed(String authorization) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(authorization.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }
}
