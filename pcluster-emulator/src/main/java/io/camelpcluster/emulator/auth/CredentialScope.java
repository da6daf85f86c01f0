package io.camelpcluster.emulator.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Credential} of a signature: {@code keyid/date/region/service/aws4_request}.
 *
 * @param terminator {@code aws4_request} when well-formed
 */
record CredentialScope(
    String accessKeyId, String date, String region, String service, String terminator) {

  static final String TERMINATOR = "aws4_request";

  static CredentialScope parse(String credential) {
    String[] parts = credential.split("/", -1);
    if (parts.length != 5) {
      throw SignatureRejection.malformedCredential(credential);
    }
    return new CredentialScope(parts[0], parts[1], parts[2], parts[3], parts[4]);
  }

  /**
   * Requires the scope to name {@code expectedRegion}, {@code expectedService}, the terminator and
   * the day of {@code time}; reports every mismatch at once, as AWS does.
   */
  void requireValid(String expectedRegion, String expectedService, RequestTime time) {
    List<SignatureRejection> problems = new ArrayList<>();
    if (!region.equals(expectedRegion)) {
      problems.add(SignatureRejection.wrongRegion());
    }
    if (!service.equals(expectedService)) {
      problems.add(SignatureRejection.wrongService(expectedService));
    }
    if (!terminator.equals(TERMINATOR)) {
      problems.add(SignatureRejection.wrongTerminator(terminator));
    }
    if (!date.equals(time.date())) {
      problems.add(SignatureRejection.wrongScopeDate(date, time.date(), time.amzDate()));
    }
    if (!problems.isEmpty()) {
      throw SignatureRejection.combined(problems);
    }
  }

  /** {@code date/region/service/aws4_request}, as in the string to sign. */
  String scope() {
    return String.join("/", date, region, service, terminator);
  }
}
