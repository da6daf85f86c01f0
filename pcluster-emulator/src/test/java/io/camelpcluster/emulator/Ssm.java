package io.camelpcluster.emulator;

import static io.camelpcluster.emulator.Configs.createBody;
import static io.camelpcluster.emulator.Configs.slurm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

/** The real AWS SDK SSM client against an emulator, and clusters whose head nodes it reaches. */
final class Ssm {
  private Ssm() {}

  /** A client signing with the emulator's default credentials; no retries, to see every answer. */
  static SsmClient client(PclusterEmulator emulator) {
    return client(
        emulator, EmulatorConfig.DEFAULT_ACCESS_KEY_ID, EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY);
  }

  static SsmClient client(PclusterEmulator emulator, String accessKeyId, String secretKey) {
    return SsmClient.builder()
        .endpointOverride(emulator.ssmEndpoint())
        .region(Region.of(emulator.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretKey)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  /** Creates a cluster and waits until its head node runs; returns the head node's instance id. */
  static String clusterWithRunningHeadNode(Api api, String name) {
    assertThat(api.post("/v3/clusters", createBody(name, slurm(0))).status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                api.get("/v3/clusters/" + name)
                    .json()
                    .path("headNode")
                    .path("state")
                    .asText()
                    .equals("running"));
    return api.get("/v3/clusters/" + name).json().path("headNode").path("instanceId").asText();
  }

  /** Sends an AWS-RunShellScript command; returns its id. */
  static String send(SsmClient ssm, String instanceId, List<String> commands) {
    return send(ssm, instanceId, commands, "3600");
  }

  static String send(
      SsmClient ssm, String instanceId, List<String> commands, String executionTimeout) {
    return ssm.sendCommand(
            r ->
                r.documentName("AWS-RunShellScript")
                    .instanceIds(instanceId)
                    .parameters(
                        Map.of(
                            "commands", commands, "executionTimeout", List.of(executionTimeout))))
        .command()
        .commandId();
  }

  /** Polls GetCommandInvocation until the invocation is over. */
  static GetCommandInvocationResponse awaitEnd(SsmClient ssm, String commandId, String instanceId) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .ignoreException(InvocationDoesNotExistException.class)
        .until(
            () -> ssm.getCommandInvocation(r -> r.commandId(commandId).instanceId(instanceId)),
            r ->
                r.status() != CommandInvocationStatus.PENDING
                    && r.status() != CommandInvocationStatus.IN_PROGRESS
                    && r.status() != CommandInvocationStatus.CANCELLING);
  }

  /** Sends and waits for the end. */
  static GetCommandInvocationResponse run(SsmClient ssm, String instanceId, String... commands) {
    return awaitEnd(ssm, send(ssm, instanceId, List.of(commands)), instanceId);
  }

  /** A raw unsigned SSM request. */
  static Api.Response rawUnsigned(PclusterEmulator emulator, String target, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(emulator.ssmEndpoint() + "/"))
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", target)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return exchange(request);
  }

  /** A raw SSM request signed for {@code ssm}, for what the SDK cannot send. */
  static Api.Response raw(PclusterEmulator emulator, String target, String body) {
    return raw(emulator, target, body, "ssm");
  }

  /** A raw SSM request signed for {@code service}. */
  static Api.Response raw(PclusterEmulator emulator, String target, String body, String service) {
    URI uri = URI.create(emulator.ssmEndpoint() + "/");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(uri)
            .putHeader("Content-Type", "application/x-amz-json-1.1")
            .putHeader("X-Amz-Target", target)
            .build();
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(
                            AwsCredentialsIdentity.create(
                                EmulatorConfig.DEFAULT_ACCESS_KEY_ID,
                                EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY))
                        .request(unsigned)
                        .payload(ContentStreamProvider.fromByteArray(bytes))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, emulator.region()));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    signed
        .request()
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                request.header(name, values.get(0));
              }
            });
    return exchange(request.build());
  }

  private static Api.Response exchange(HttpRequest request) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return new Api.Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
