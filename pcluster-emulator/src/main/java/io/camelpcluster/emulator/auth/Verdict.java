package io.camelpcluster.emulator.auth;

/** TEMPORARY stand-in until the auth package is merged from main. */
public sealed interface Verdict permits Verdict.Accepted, Verdict.Rejected {
  record Accepted(String accessKeyId) implements Verdict {}

  record Rejected(int status, String message) implements Verdict {}
}
