package io.camelpcluster.emulator.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Signs requests with the AWS SDK's own SigV4 signer, as the component's client does. */
final class SdkSigning {

  static final String ACCESS_KEY = "AKIAEMULATOREXAMPLE";
  static final String SECRET = "emulatorSecret/K7MDENG+bPxRfiCYEXAMPLEKEY";
  static final String TEMP_ACCESS_KEY = "ASIAEMULATOREXAMPLE";
  static final String TEMP_SECRET = "temporarySecret/abcdefghijklmnopqrstuvwxyz";
  static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN//+==";
  static final String REGION = "us-east-1";
  static final String SERVICE = "execute-api";
  static final Instant NOW = Instant.parse("2024-01-01T00:10:00Z");
  static final String ENDPOINT = "http://localhost:8080/prod";

  private SdkSigning() {}

  static AwsCredentialsIdentity longTerm() {
    return AwsCredentialsIdentity.create(ACCESS_KEY, SECRET);
  }

  static AwsCredentialsIdentity temporary() {
    return AwsSessionCredentialsIdentity.create(TEMP_ACCESS_KEY, TEMP_SECRET, SESSION_TOKEN);
  }

  static CredentialStore store() {
    return new CredentialStore()
        .add(ACCESS_KEY, SECRET)
        .add(TEMP_ACCESS_KEY, TEMP_SECRET, SESSION_TOKEN);
  }

  static SigV4Verifier verifier() {
    return new SigV4Verifier(store(), REGION, SERVICE, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** A request to {@code ENDPOINT + pathAndQuery}, whose path and query are already encoded. */
  static SdkHttpRequest request(SdkHttpMethod method, String pathAndQuery) {
    return SdkHttpRequest.builder().method(method).uri(URI.create(ENDPOINT + pathAndQuery)).build();
  }

  static Signer signer() {
    return new Signer(longTerm(), NOW, REGION, SERVICE, null);
  }

  /** Signing options; each {@code with*} returns a copy. */
  record Signer(
      AwsCredentialsIdentity identity,
      Instant time,
      String region,
      String service,
      Duration presignedFor) {

    Signer withIdentity(AwsCredentialsIdentity value) {
      return new Signer(value, time, region, service, presignedFor);
    }

    Signer at(Instant value) {
      return new Signer(identity, value, region, service, presignedFor);
    }

    Signer withRegion(String value) {
      return new Signer(identity, time, value, service, presignedFor);
    }

    Signer withService(String value) {
      return new Signer(identity, time, region, value, presignedFor);
    }

    Signer presigned(Duration value) {
      return new Signer(identity, time, region, service, value);
    }

    /** Signs {@code request} with {@code body} (null: no body) and returns it as received. */
    SignedRequest sign(SdkHttpRequest request, String body) {
      SdkHttpRequest signed =
          AwsV4HttpSigner.create()
              .sign(
                  r -> {
                    r.request(request)
                        .identity(identity)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(
                            AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(time, ZoneOffset.UTC));
                    if (presignedFor != null) {
                      r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                          .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, presignedFor);
                    }
                    if (body != null) {
                      r.payload(ContentStreamProvider.fromUtf8String(body));
                    }
                  })
              .request();
      return new SignedRequest(
          signed.method().name(),
          signed.encodedPath(),
          signed.getUri().getRawQuery(),
          signed.headers(),
          body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }
  }

  static SignedRequest withHeader(SignedRequest request, String name, String... values) {
    Map<String, List<String>> headers = new HashMap<>(request.headers());
    headers.remove(name);
    if (values.length > 0) {
      headers.put(name, List.of(values));
    }
    return new SignedRequest(
        request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
  }

  static SignedRequest withoutHeader(SignedRequest request, String name) {
    return withHeader(request, name);
  }
}
