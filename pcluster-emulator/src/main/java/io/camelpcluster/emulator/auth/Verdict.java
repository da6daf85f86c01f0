package io.camelpcluster.emulator.auth;

/** The outcome of checking a request's AWS Signature Version 4. */
public sealed interface Verdict permits Verdict.Accepted, Verdict.Rejected {

  /** The signature is valid; the request was signed with {@code accessKeyId}. */
  record Accepted(String accessKeyId) implements Verdict {}

  /**
   * The request is refused: the server answers {@code status} with the JSON body {@code {"message":
   * message}}, as API Gateway does.
   */
  record Rejected(int status, String message) implements Verdict {}
}
