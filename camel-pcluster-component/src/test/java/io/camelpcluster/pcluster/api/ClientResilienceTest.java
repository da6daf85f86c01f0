package io.camelpcluster.pcluster.api;

import static io.camelpcluster.pcluster.api.StubApi.Reply.error;
import static io.camelpcluster.pcluster.api.StubApi.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.pcluster.api.StubApi.Reply;
import io.camelpcluster.pcluster.api.model.BuildImageRequest;
import io.camelpcluster.pcluster.api.model.BuildImageResponse;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.CreateClusterResponse;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import io.camelpcluster.pcluster.api.model.ImageBuildStatus;
import io.camelpcluster.pcluster.api.model.UpdateClusterRequest;
import io.camelpcluster.pcluster.api.model.UpdateClusterResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Retries, backoff, Retry-After, connection failures and the maybe-applied recovery. */
class ClientResilienceTest {
  private static final String CONFIG = "Image:\n  Os: alinux2023\n";
  private static final String CLUSTER = "/clusters/hpc-1";

  private StubApi stub;
  private ParallelClusterAsyncClient client;

  @BeforeEach
  void start() throws IOException {
    stub = new StubApi();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    stub.close();
  }

  private ParallelClusterClientBuilder builder(URI endpoint, int attempts) {
    return ParallelClusterAsyncClient.builder()
        .endpoint(endpoint)
        .region(StubApi.REGION)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(StubApi.ACCESS_KEY, StubApi.SECRET)))
        .retryPolicy(new RetryPolicy(attempts, Duration.ofMillis(5), Duration.ofMillis(200)))
        .maybeCreatedProbeDelay(Duration.ofMillis(10))
        .requestTimeout(Duration.ofSeconds(5));
  }

  private ParallelClusterAsyncClient client(int attempts) {
    client = builder(stub.endpoint(), attempts).buildAsync();
    return client;
  }

  private static String describedNow(String status) {
    Instant now = Instant.now();
    return StubResponses.described("hpc-1", status, now, now);
  }

  @Test
  void retriesThrottlingAndGatewayErrorsUntilSuccess() {
    stub.on(
        "GET",
        CLUSTER,
        error(429, "Too Many Requests"),
        error(503, "Service Unavailable"),
        error(502, "Internal server error"),
        json(200, describedNow("CREATE_COMPLETE")));

    DescribeClusterResponse cluster =
        client(4).describeCluster(DescribeClusterRequest.of("hpc-1")).join();

    assertThat(cluster.clusterStatus()).isEqualTo(ClusterStatus.CREATE_COMPLETE);
    assertThat(stub.requests("GET", CLUSTER)).hasSize(4);
  }

  @Test
  void givesUpAfterTheLastAttemptWithTheTypedError() {
    stub.on("GET", CLUSTER, error(429, "Too Many Requests"));

    assertThatThrownBy(
            () ->
                ParallelClusterClient.wrap(client(3))
                    .describeCluster(DescribeClusterRequest.of("hpc-1")))
        .isInstanceOfSatisfying(
            LimitExceededException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(429);
              assertThat(e.serviceMessage()).isEqualTo("Too Many Requests");
              assertThat(e.getMessage())
                  .contains(
                      "DescribeCluster failed with HTTP 429: Too Many Requests",
                      "after 3 attempts");
            });
    assertThat(stub.requests("GET", CLUSTER)).hasSize(3);
  }

  @Test
  void doesNotRetryFinalErrors() {
    stub.on(
        "GET",
        CLUSTER,
        error(404, "Cluster 'hpc-1' does not exist"),
        json(200, describedNow("CREATE_COMPLETE")));
    assertThatThrownBy(() -> client(4).describeCluster(DescribeClusterRequest.of("hpc-1")).join())
        .hasCauseInstanceOf(NotFoundException.class);
    stub.on(
        "GET",
        CLUSTER,
        error(500, "Failed when calling AWS service"),
        json(200, describedNow("CREATE_COMPLETE")));
    assertThatThrownBy(() -> client.describeCluster(DescribeClusterRequest.of("hpc-1")).join())
        .hasCauseInstanceOf(InternalServiceException.class);
    assertThat(stub.requests("GET", CLUSTER)).hasSize(2);
  }

  @Test
  void waitsAsLongAsRetryAfterAsks() {
    stub.on(
        "GET",
        CLUSTER,
        error(429, "Too Many Requests").withHeader("Retry-After", "1"),
        json(200, describedNow("CREATE_COMPLETE")));
    client =
        builder(stub.endpoint(), 2)
            .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofSeconds(5)))
            .buildAsync();

    client.describeCluster(DescribeClusterRequest.of("hpc-1")).join();

    assertThat(StubApi.gapsMillis(stub.requests("GET", CLUSTER)))
        .singleElement(InstanceOfAssertFactories.LONG)
        .isGreaterThanOrEqualTo(950L);
  }

  @Test
  void capsRetryAfterAtTheMaximumDelay() {
    stub.on(
        "GET",
        CLUSTER,
        error(503, "Service Unavailable").withHeader("Retry-After", "3600"),
        json(200, describedNow("CREATE_COMPLETE")));

    CompletableFuture<DescribeClusterResponse> call =
        client(2).describeCluster(DescribeClusterRequest.of("hpc-1"));

    await().atMost(Duration.ofSeconds(20)).until(call::isDone);
    assertThat(call.join().clusterName()).isEqualTo("hpc-1");
  }

  @Test
  void retriesRefusedConnectionsEvenForCreates() throws IOException {
    URI closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/prod");
    }
    client = builder(closedPort, 3).buildAsync();

    assertThatThrownBy(() -> client.createCluster(CreateClusterRequest.of("hpc-1", CONFIG)).join())
        .cause()
        .isInstanceOf(ParallelClusterConnectionException.class)
        .hasMessageContaining(
            "CreateCluster: no answer from POST " + closedPort + "/v3/clusters after 3 attempts")
        .hasMessageContaining("ConnectException");
  }

  @Test
  void retriesTimedOutReadsAndReportsTheTimeout() {
    stub.on("GET", CLUSTER, Reply.hanging());
    client = builder(stub.endpoint(), 2).requestTimeout(Duration.ofMillis(300)).buildAsync();

    assertThatThrownBy(() -> client.describeCluster(DescribeClusterRequest.of("hpc-1")).join())
        .cause()
        .isInstanceOf(ParallelClusterConnectionException.class)
        .hasMessageContaining("after 2 attempts: request timed out");
    assertThat(stub.requests("GET", CLUSTER)).hasSize(2);
  }

  @Test
  void aCreateAnsweredWith504IsLookedUpNotRepeated() {
    stub.on(
        "POST",
        "/clusters",
        error(504, "Endpoint request timed out"),
        json(202, StubResponses.created("hpc-1")));
    stub.on("GET", CLUSTER, json(200, describedNow("CREATE_IN_PROGRESS")));

    CreateClusterResponse created =
        client(4).createCluster(CreateClusterRequest.of("hpc-1", CONFIG)).join();

    assertThat(created.cluster().clusterName()).isEqualTo("hpc-1");
    assertThat(created.cluster().clusterStatus()).isEqualTo(ClusterStatus.CREATE_IN_PROGRESS);
    assertThat(stub.requests("POST", "/clusters")).hasSize(1);
    assertThat(stub.requests("GET", CLUSTER)).hasSize(1);
  }

  @Test
  void aCreateThatDidNotHappenIsSentAgain() {
    stub.on(
        "POST",
        "/clusters",
        error(504, "Endpoint request timed out"),
        json(202, StubResponses.created("hpc-1")));
    stub.on(
        "GET",
        CLUSTER,
        error(
            404,
            "Cluster 'hpc-1' does not exist or belongs to an incompatible ParallelCluster major version."));

    CreateClusterResponse created =
        client(4).createCluster(CreateClusterRequest.of("hpc-1", CONFIG)).join();

    assertThat(created.cluster().cloudformationStackArn()).endsWith("stack/hpc-1/1");
    assertThat(stub.requests("POST", "/clusters")).hasSize(2);
  }

  @Test
  void aTimedOutCreateIsLookedUpToo() {
    stub.on("POST", "/clusters", Reply.hanging(), json(202, StubResponses.created("hpc-1")));
    stub.on("GET", CLUSTER, error(404, "Cluster 'hpc-1' does not exist"));
    client = builder(stub.endpoint(), 3).requestTimeout(Duration.ofMillis(300)).buildAsync();

    CreateClusterResponse created =
        client.createCluster(CreateClusterRequest.of("hpc-1", CONFIG)).join();

    assertThat(created.cluster().clusterStatus()).isEqualTo(ClusterStatus.CREATE_IN_PROGRESS);
    assertThat(stub.requests("POST", "/clusters")).hasSize(2);
    assertThat(stub.requests("GET", CLUSTER)).hasSize(1);
  }

  @Test
  void aRepeatRefusedAsAlreadyExistingIsTheFirstCreateSucceeding() {
    stub.on(
        "POST",
        "/clusters",
        error(504, "Endpoint request timed out"),
        error(400, "Bad Request: Cluster hpc-1 already exists."));
    stub.on(
        "GET",
        CLUSTER,
        error(404, "Cluster 'hpc-1' does not exist"),
        json(200, describedNow("CREATE_COMPLETE")));

    CreateClusterResponse created =
        client(4).createCluster(CreateClusterRequest.of("hpc-1", CONFIG)).join();

    assertThat(created.cluster().clusterStatus()).isEqualTo(ClusterStatus.CREATE_COMPLETE);
    assertThat(created.validationMessages()).isEmpty();
    assertThat(stub.requests("POST", "/clusters")).hasSize(2);
    assertThat(stub.requests("GET", CLUSTER)).hasSize(2);
  }

  @Test
  void anOlderClusterOfTheSameNameIsNotMistakenForOurs() {
    Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
    stub.on(
        "POST",
        "/clusters",
        error(504, "Endpoint request timed out"),
        error(400, "Bad Request: Cluster hpc-1 already exists."));
    stub.on(
        "GET",
        CLUSTER,
        json(200, StubResponses.described("hpc-1", "CREATE_COMPLETE", longAgo, longAgo)));

    assertThatThrownBy(
            () -> client(4).createCluster(CreateClusterRequest.of("hpc-1", CONFIG)).join())
        .cause()
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("already exists");
    assertThat(stub.requests("POST", "/clusters")).hasSize(2);
  }

  @Test
  void aGatewayErrorIsReportedWhenNoAttemptIsLeft() {
    stub.on("POST", "/clusters", error(504, "Endpoint request timed out"));
    stub.on("GET", CLUSTER, error(404, "Cluster 'hpc-1' does not exist"));

    assertThatThrownBy(
            () -> client(1).createCluster(CreateClusterRequest.of("hpc-1", CONFIG)).join())
        .cause()
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(e.statusCode()).isEqualTo(504))
        .hasMessageContaining("CreateCluster failed with HTTP 504: Endpoint request timed out");
    assertThat(stub.requests("POST", "/clusters")).hasSize(1);
  }

  @Test
  void aFailedLookUpKeepsTheOriginalErrorAndExplains() {
    stub.on("POST", "/clusters", error(504, "Endpoint request timed out"));
    stub.on("GET", CLUSTER, error(500, "Failed when calling AWS service"));

    assertThatThrownBy(
            () -> client(2).createCluster(CreateClusterRequest.of("hpc-1", CONFIG)).join())
        .cause()
        .isInstanceOf(GatewayException.class)
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .isInstanceOf(InternalServiceException.class));
    assertThat(stub.requests("POST", "/clusters")).hasSize(1);
  }

  @Test
  void anUpdateAnsweredWith504IsAcceptedWhenTheClusterIsUpdating() {
    stub.on("PUT", CLUSTER, error(504, "Endpoint request timed out"));
    stub.on("GET", CLUSTER, json(200, describedNow("UPDATE_IN_PROGRESS")));

    UpdateClusterResponse updated =
        client(4).updateCluster(UpdateClusterRequest.of("hpc-1", CONFIG)).join();

    assertThat(updated.cluster().clusterStatus()).isEqualTo(ClusterStatus.UPDATE_IN_PROGRESS);
    assertThat(updated.changeSet()).isEmpty();
    assertThat(stub.requests("PUT", CLUSTER)).hasSize(1);
  }

  @Test
  void anUpdateRepeatRefusedAsBusyIsTheFirstUpdateRunning() {
    Instant created = Instant.now().minus(Duration.ofHours(1));
    stub.on(
        "PUT",
        CLUSTER,
        error(502, "Internal server error"),
        error(409, "Cannot execute update while stack is in UPDATE_IN_PROGRESS status."));
    stub.on(
        "GET",
        CLUSTER,
        json(200, StubResponses.described("hpc-1", "CREATE_COMPLETE", created, created)),
        json(200, describedNow("UPDATE_IN_PROGRESS")));

    UpdateClusterResponse updated =
        client(4).updateCluster(UpdateClusterRequest.of("hpc-1", CONFIG)).join();

    assertThat(updated.cluster().clusterStatus()).isEqualTo(ClusterStatus.UPDATE_IN_PROGRESS);
    assertThat(stub.requests("PUT", CLUSTER)).hasSize(2);
  }

  @Test
  void aBuildAnsweredWith504IsLookedUp() {
    stub.on("POST", "/images/custom", error(504, "Endpoint request timed out"));
    stub.on(
        "GET",
        "/images/custom/img-1",
        json(200, StubResponses.imageDescribed("img-1", "BUILD_IN_PROGRESS", Instant.now())));

    BuildImageResponse built =
        client(4)
            .buildImage(
                BuildImageRequest.of(
                    "img-1",
                    "Build:\n  InstanceType: c5.xlarge\n  ParentImage: ami-0123456789abcdef0\n"))
            .join();

    assertThat(built.image().imageBuildStatus()).isEqualTo(ImageBuildStatus.BUILD_IN_PROGRESS);
    assertThat(stub.requests("POST", "/images/custom")).hasSize(1);
  }

  @Test
  void closingFailsCallsWaitingToRetryAndLaterCalls() {
    stub.on("GET", CLUSTER, error(429, "Too Many Requests").withHeader("Retry-After", "60"));
    client =
        builder(stub.endpoint(), 3)
            .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofSeconds(60)))
            .buildAsync();
    CompletableFuture<DescribeClusterResponse> waiting =
        client.describeCluster(DescribeClusterRequest.of("hpc-1"));
    await().atMost(Duration.ofSeconds(10)).until(() -> stub.requests().size() == 1);

    client.close();

    await().atMost(Duration.ofSeconds(10)).until(waiting::isDone);
    assertThatThrownBy(waiting::join)
        .cause()
        .isInstanceOf(ParallelClusterException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> client.describeCluster(DescribeClusterRequest.of("hpc-1")).join())
        .cause()
        .hasMessage("DescribeCluster: the client is closed");
    assertThat(stub.requests()).hasSize(1);
  }
}
