package io.camelpcluster.emulator.auth;

import java.time.Clock;
import java.util.List;

/** TEMPORARY stand-in until the auth package is merged from main: checks the key id only. */
public final class SigV4Verifier {
  private final CredentialStore credentials;

  public SigV4Verifier(CredentialStore credentials, String region, String service, Clock clock) {
    this.credentials = credentials;
  }

  public Verdict verify(SignedRequest request) {
    List<String> auth = request.headers().get("authorization");
    if (auth == null || auth.isEmpty()) {
      return new Verdict.Rejected(403, "Missing Authentication Token");
    }
    for (String key : credentials.secrets.keySet()) {
      if (auth.get(0).contains("Credential=" + key + "/")) {
        return new Verdict.Accepted(key);
      }
    }
    return new Verdict.Rejected(403, "The security token included in the request is invalid.");
  }
}
