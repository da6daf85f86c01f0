package io.camelpcluster.pcluster.api;

import static io.camelpcluster.pcluster.api.EmulatorFixtures.CREATE;
import static io.camelpcluster.pcluster.api.EmulatorFixtures.image;
import static io.camelpcluster.pcluster.api.EmulatorFixtures.slurm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.emulator.RecordedRequest;
import io.camelpcluster.pcluster.api.model.BuildImageRequest;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.ComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.CreateClusterResponse;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.ImageBuildStatus;
import io.camelpcluster.pcluster.api.model.ListClustersRequest;
import io.camelpcluster.pcluster.api.model.RequestedComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.UpdateClusterRequest;
import io.camelpcluster.pcluster.api.model.UpdateClusterResponse;
import io.camelpcluster.pcluster.api.model.UpdateComputeFleetRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Retries under the emulator's injected faults, counted through its request log. */
class EmulatorResilienceTest {
  private final ManualClock clock = ManualClock.now();
  private PclusterEmulator emulator;
  private ParallelClusterClient client;

  @BeforeEach
  void start() {
    emulator = PclusterEmulator.start(EmulatorFixtures.config(clock).build());
    client = EmulatorFixtures.client(emulator, clock).build();
  }

  @AfterEach
  void stop() {
    client.close();
    emulator.close();
  }

  private long count(String method, String path) {
    return emulator.requests().count(method, path);
  }

  @Test
  void throttlingAndGatewayErrorsAreRetried() {
    emulator.faults().throttleNext(2);
    assertThat(client.listClusters(ListClustersRequest.all()).clusters()).isEmpty();
    assertThat(emulator.requests().all())
        .extracting(RecordedRequest::status)
        .containsExactly(429, 429, 200);

    for (int status : new int[] {502, 503, 504}) {
      emulator.requests().clear();
      emulator.faults().serverErrorNext(1, status);
      assertThat(client.listClusters(ListClustersRequest.all()).clusters()).isEmpty();
      assertThat(emulator.requests().all())
          .extracting(RecordedRequest::status)
          .containsExactly(status, 200);
    }
  }

  @Test
  void retriesStopAtTheAttemptLimit() {
    emulator.faults().throttleNext(10);
    assertThatThrownBy(() -> client.listClusters(ListClustersRequest.all()))
        .isInstanceOfSatisfying(
            LimitExceededException.class,
            e -> {
              assertThat(e.serviceMessage()).isEqualTo("Too Many Requests");
              assertThat(e.getMessage()).contains("after 4 attempts");
            });
    assertThat(count("GET", "/v3/clusters")).isEqualTo(4);

    emulator.faults().reset();
    emulator.requests().clear();
    emulator.faults().serverErrorNext(10, 504);
    assertThatThrownBy(() -> client.describeCluster(DescribeClusterRequest.of("hpc-1")))
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(e.statusCode()).isEqualTo(504));
    assertThat(count("GET", "/v3/clusters/hpc-1")).isEqualTo(4);
  }

  @Test
  void internalErrorsAreNotRetried() {
    emulator.faults().serverErrorNext(1, 500);
    assertThatThrownBy(() -> client.listClusters(ListClustersRequest.all()))
        .isInstanceOf(InternalServiceException.class);
    assertThat(count("GET", "/v3/clusters")).isEqualTo(1);
  }

  @Test
  void retryAfterIsRespected() {
    PclusterEmulator realTime = PclusterEmulator.start(EmulatorConfig.builder().build());
    try (ParallelClusterClient patient =
        EmulatorFixtures.client(realTime, java.time.Clock.systemUTC())
            .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofSeconds(10)))
            .build()) {
      realTime.faults().throttleNext(1).retryAfter(Duration.ofSeconds(1));

      patient.listClusters(ListClustersRequest.all());

      List<RecordedRequest> requests = realTime.requests().all();
      assertThat(requests).extracting(RecordedRequest::status).containsExactly(429, 200);
      assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    } finally {
      realTime.close();
    }
  }

  @Test
  void aCreateAnswered504AfterItWasAppliedCreatesExactlyOneCluster() {
    emulator.faults().gatewayTimeoutAfterApplyNext(1);

    CreateClusterResponse created =
        client.createCluster(CreateClusterRequest.of("hpc-1", slurm(0)));

    assertThat(created.cluster().clusterName()).isEqualTo("hpc-1");
    assertThat(created.cluster().clusterStatus()).isEqualTo(ClusterStatus.CREATE_IN_PROGRESS);
    assertThat(count("POST", "/v3/clusters")).isEqualTo(1);
    assertThat(client.listAllClusters(ListClustersRequest.all()))
        .extracting(ClusterInfoSummary::clusterName)
        .containsExactly("hpc-1");
  }

  @Test
  void aCreateThatFinishedBeforeTheLookUpIsStillRecognisedAsOurs() {
    try (PclusterEmulator instant =
            PclusterEmulator.start(
                EmulatorFixtures.config(clock).createDuration(Duration.ZERO).build());
        ParallelClusterClient fast = EmulatorFixtures.client(instant, clock).build()) {
      instant.faults().gatewayTimeoutAfterApplyNext(1);

      CreateClusterResponse created =
          fast.createCluster(CreateClusterRequest.of("hpc-1", slurm(0)));

      assertThat(created.cluster().clusterStatus()).isEqualTo(ClusterStatus.CREATE_COMPLETE);
      assertThat(instant.requests().count("POST", "/v3/clusters")).isEqualTo(1);
    }
  }

  @Test
  void anUpdateAnswered504AfterItWasAppliedIsAccepted() {
    client.createCluster(CreateClusterRequest.of("hpc-1", slurm(0)));
    clock.advance(CREATE);
    emulator.faults().gatewayTimeoutAfterApplyNext(1);

    UpdateClusterResponse updated =
        client.updateCluster(
            UpdateClusterRequest.of("hpc-1", slurm(0).replace("MaxCount: 8", "MaxCount: 12")));

    assertThat(updated.cluster().clusterStatus()).isEqualTo(ClusterStatus.UPDATE_IN_PROGRESS);
    assertThat(count("PUT", "/v3/clusters/hpc-1")).isEqualTo(1);
  }

  @Test
  void aBuildAnswered504AfterItWasAppliedIsAccepted() {
    emulator.faults().gatewayTimeoutAfterApplyNext(1);

    assertThat(client.buildImage(BuildImageRequest.of("img-1", image())).image().imageBuildStatus())
        .isEqualTo(ImageBuildStatus.BUILD_IN_PROGRESS);
    assertThat(count("POST", "/v3/images/custom")).isEqualTo(1);
  }

  @Test
  void idempotentCallsAreRepeatedAfterA504() {
    client.createCluster(CreateClusterRequest.of("hpc-1", slurm(0)));
    clock.advance(CREATE);
    emulator.faults().gatewayTimeoutAfterApplyNext(1);

    assertThat(
            client
                .updateComputeFleet(
                    UpdateComputeFleetRequest.of(
                        "hpc-1", RequestedComputeFleetStatus.STOP_REQUESTED))
                .status())
        .as("the repeated stop is a no-op answering the requested status")
        .isEqualTo(ComputeFleetStatus.STOP_REQUESTED);
    assertThat(count("PATCH", "/v3/clusters/hpc-1/computefleet")).isEqualTo(2);
  }

  @Test
  void slowAnswersTimeOutAndAreRetried() {
    emulator.faults().latency(Duration.ofSeconds(2));
    try (ParallelClusterClient impatient =
        EmulatorFixtures.client(emulator, clock)
            .requestTimeout(Duration.ofMillis(200))
            .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(10)))
            .build()) {
      assertThatThrownBy(() -> impatient.listClusters(ListClustersRequest.all()))
          .isInstanceOf(ParallelClusterConnectionException.class)
          .hasMessageContaining("after 2 attempts: request timed out");
    }
  }

  @Test
  void aWrongSecretIsRefusedWithTheGatewaysMessage() {
    try (ParallelClusterClient wrong =
        EmulatorFixtures.client(emulator, clock)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        EmulatorConfig.DEFAULT_ACCESS_KEY_ID, "wrong-secret")))
            .build()) {
      assertThatThrownBy(() -> wrong.listClusters(ListClustersRequest.all()))
          .isInstanceOfSatisfying(
              AccessDeniedException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.serviceMessage())
                    .startsWith(
                        "The request signature we calculated does not match the signature you provided.");
                assertThat(e.getMessage()).doesNotContain("wrong-secret");
              });
    }
    try (ParallelClusterClient unknown =
        EmulatorFixtures.client(emulator, clock)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIAUNKNOWN", "secret")))
            .build()) {
      assertThatThrownBy(() -> unknown.listClusters(ListClustersRequest.all()))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("The security token included in the request is invalid.");
    }
    try (ParallelClusterClient elsewhere =
        EmulatorFixtures.client(emulator, clock).signingRegion("eu-west-1").build()) {
      assertThatThrownBy(() -> elsewhere.listClusters(ListClustersRequest.all()))
          .isInstanceOf(AccessDeniedException.class);
    }
    assertThat(emulator.requests().all()).extracting(RecordedRequest::status).containsOnly(403);
  }
}
