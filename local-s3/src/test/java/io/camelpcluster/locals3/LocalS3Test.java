package io.camelpcluster.locals3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

class LocalS3Test {
  @TempDir Path dir;

  @Test
  void listensOnLoopbackOnAFreePort() {
    try (LocalS3 s3 = LocalS3.start(LocalS3Settings.of(dir))) {
      assertThat(s3.endpoint().getScheme()).isEqualTo("http");
      assertThat(s3.endpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(s3.endpoint().getPort()).isPositive();
      assertThat(s3.region()).isEqualTo("us-east-1");
      assertThat(s3.accessKey()).isEqualTo(LocalS3Settings.DEFAULT_ACCESS_KEY);
    }
  }

  @Test
  void objectsSurviveARestartOnTheSameDirectory() {
    LocalS3Settings settings = LocalS3Settings.of(dir);
    PutObjectResponse put;
    try (LocalS3 s3 = LocalS3.start(settings);
        S3Client client = LocalS3Clients.client(s3)) {
      s3.createBucket("inputs");
      put = client.putObject(b -> b.bucket("inputs").key("a/b.txt"), RequestBody.fromString("hi"));
    }
    try (LocalS3 s3 = LocalS3.start(settings);
        S3Client client = LocalS3Clients.client(s3)) {
      var object = client.getObjectAsBytes(b -> b.bucket("inputs").key("a/b.txt"));
      assertThat(object.asUtf8String()).isEqualTo("hi");
      assertThat(object.response().eTag()).isEqualTo(put.eTag());
    }
    assertThat(dir.resolve("inputs")).isDirectory();
  }

  @Test
  void createBucketIsIdempotent() {
    try (LocalS3 s3 = LocalS3.start(LocalS3Settings.of(dir));
        S3Client client = LocalS3Clients.client(s3)) {
      s3.createBucket("results");
      client.putObject(b -> b.bucket("results").key("k"), RequestBody.fromString("x"));
      s3.createBucket("results");
      assertThat(client.listObjectsV2(b -> b.bucket("results")).contents()).hasSize(1);
    }
  }

  @Test
  void rejectsRequestsSignedWithAnotherSecret() {
    try (LocalS3 s3 = LocalS3.start(LocalS3Settings.of(dir));
        S3Client client = LocalS3Clients.client(s3, "not-the-secret")) {
      s3.createBucket("inputs");
      assertThatThrownBy(() -> client.listObjectsV2(b -> b.bucket("inputs")))
          .isInstanceOfSatisfying(
              S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }
  }

  @Test
  void rejectsUnsignedRequests() throws Exception {
    try (LocalS3 s3 = LocalS3.start(LocalS3Settings.of(dir))) {
      s3.createBucket("inputs");
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(s3.endpoint() + "/inputs")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(403);
    }
  }

  @Test
  void keysWithDotSegmentsStayInsideTheBucket() throws IOException {
    Path data = dir.resolve("data");
    try (LocalS3 s3 = LocalS3.start(LocalS3Settings.of(data));
        S3Client client = LocalS3Clients.client(s3)) {
      s3.createBucket("inputs");
      for (String key : new String[] {"../../escaped", "../inputs2/escaped", "a/../../escaped"}) {
        try {
          client.putObject(b -> b.bucket("inputs").key(key), RequestBody.fromString("x"));
          GetObjectResponse got = client.getObject(b -> b.bucket("inputs").key(key)).response();
          assertThat(got.contentLength()).isEqualTo(1);
        } catch (S3Exception rejected) {
          assertThat(rejected.statusCode()).isBetween(400, 499);
        }
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(p -> p.getFileName().toString().equals("escaped")))
          .allSatisfy(p -> assertThat(p).startsWith(data.resolve("inputs")));
    }
  }

  @Test
  void aTakenPortFailsWithAClearError() {
    try (LocalS3 first = LocalS3.start(LocalS3Settings.of(dir))) {
      LocalS3Settings same =
          LocalS3Settings.of(dir.resolve("other")).withPort(first.endpoint().getPort());
      assertThatThrownBy(() -> LocalS3.start(same))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("S3Proxy did not start on 127.0.0.1:" + first.endpoint().getPort());
    }
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "ab",
        "Inputs",
        "../etc",
        "a..b",
        "-inputs",
        "inputs-",
        "in puts",
        "inputs\nx",
        "in/puts",
        "192.168.1.10",
        "eingänge",
        "$(reboot)",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void rejectsInvalidBucketNames(String name) {
    try (LocalS3 s3 = LocalS3.start(LocalS3Settings.of(dir))) {
      assertThatThrownBy(() -> s3.createBucket(name))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("invalid bucket name")
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void acceptsBucketNamesAtTheLimits() {
    try (LocalS3 s3 = LocalS3.start(LocalS3Settings.of(dir))) {
      s3.createBucket("abc");
      s3.createBucket("a".repeat(63));
      s3.createBucket("my.results-2024");
      assertThat(dir.resolve("a".repeat(63))).isDirectory();
    }
  }

  @Test
  void settingsNeverShowTheSecret() {
    LocalS3Settings settings =
        LocalS3Settings.of(dir).withCredentials("AKIDEXAMPLE", "s3cr3t-value");
    try (LocalS3 s3 = LocalS3.start(settings)) {
      assertThat(settings.toString()).contains("AKIDEXAMPLE").doesNotContain("s3cr3t-value");
      assertThat(s3.toString()).doesNotContain("s3cr3t-value");
    }
  }

  @Test
  void freshSettingsGetDistinctRandomSecrets() {
    assertThat(LocalS3Settings.of(dir).secretKey())
        .hasSize(40)
        .isNotEqualTo(LocalS3Settings.of(dir).secretKey());
  }

  @Test
  void rejectsInvalidSettingsWithoutEchoingSecrets() {
    LocalS3Settings ok = LocalS3Settings.of(dir);
    assertThatThrownBy(() -> ok.withPort(-1)).hasMessage("port must be 0..65535, was -1");
    assertThatThrownBy(() -> ok.withPort(65_536)).hasMessageContaining("65536");
    assertThatThrownBy(() -> ok.withCredentials("", "x"))
        .hasMessageStartingWith("accessKey must be");
    assertThatThrownBy(() -> ok.withCredentials("AKID", "secret with\nnewline"))
        .hasMessageStartingWith("secretKey must be")
        .hasMessageNotContaining("newline");
    assertThatThrownBy(() -> ok.withCredentials("AKID", "x".repeat(10_000)))
        .hasMessageStartingWith("secretKey must be");
    assertThatThrownBy(() -> ok.withRegion("us-east-1; rm -rf /"))
        .hasMessageStartingWith("region must look like an AWS region");
    assertThatThrownBy(() -> ok.withRegion("x".repeat(10_000)))
        .hasMessageContaining("...")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    assertThatThrownBy(() -> new LocalS3Settings(null, 0, "a", "b", "us-east-1"))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void storesObjectsAsFilesUnderTheBucketDirectory() {
    try (LocalS3 s3 = LocalS3.start(LocalS3Settings.of(dir));
        S3Client client = LocalS3Clients.client(s3)) {
      s3.createBucket("inputs");
      client.putObject(b -> b.bucket("inputs").key("x/y.txt"), RequestBody.fromString("data"));
      assertThat(dir.resolve("inputs/x/y.txt")).hasContent("data");
    }
  }
}
