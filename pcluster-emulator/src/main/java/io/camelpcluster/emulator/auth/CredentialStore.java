package io.camelpcluster.emulator.auth;

import java.util.HashMap;
import java.util.Map;

/** TEMPORARY stand-in until the auth package is merged from main. */
public final class CredentialStore {
  final Map<String, String> secrets = new HashMap<>();

  public CredentialStore add(String accessKeyId, String secretAccessKey) {
    secrets.put(accessKeyId, secretAccessKey);
    return this;
  }

  public CredentialStore add(String ak, String sk, String sessionToken) {
    return add(ak, sk);
  }
}
