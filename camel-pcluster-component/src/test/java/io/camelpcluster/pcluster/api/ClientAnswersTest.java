package io.camelpcluster.pcluster.api;

import static io.camelpcluster.pcluster.api.StubApi.Reply.error;
import static io.camelpcluster.pcluster.api.StubApi.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.pcluster.api.StubApi.Reply;
import io.camelpcluster.pcluster.api.model.ComputeFleetResponse;
import io.camelpcluster.pcluster.api.model.ComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.DeleteClusterInstancesRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.DryRunResult;
import io.camelpcluster.pcluster.api.model.GetImageLogEventsRequest;
import io.camelpcluster.pcluster.api.model.ListClustersRequest;
import io.camelpcluster.pcluster.api.model.RequestedComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.UpdateClusterRequest;
import io.camelpcluster.pcluster.api.model.UpdateComputeFleetRequest;
import io.camelpcluster.pcluster.api.model.ValidationLevel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** How answers become results or typed exceptions, through the blocking client. */
class ClientAnswersTest {
  private static final String CONFIG = "Image:\n  Os: alinux2023\n";

  private StubApi stub;
  private ParallelClusterClient client;

  @BeforeEach
  void start() throws IOException {
    stub = new StubApi();
    client =
        client(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(StubApi.ACCESS_KEY, StubApi.SECRET)));
  }

  @AfterEach
  void stop() {
    client.close();
    stub.close();
  }

  private ParallelClusterClient client(AwsCredentialsProvider credentials) {
    return ParallelClusterClient.builder()
        .endpoint(stub.endpoint())
        .region(StubApi.REGION)
        .credentialsProvider(credentials)
        .retryPolicy(RetryPolicy.none())
        .requestTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = ClientAnswersTest.class.getResourceAsStream("fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aWrongSecretGetsTheGatewaysForbiddenMessage() {
    try (ParallelClusterClient wrong =
        client(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(StubApi.ACCESS_KEY, "not-the-secret")))) {
      assertThatThrownBy(() -> wrong.listClusters(ListClustersRequest.all()))
          .isInstanceOfSatisfying(
              AccessDeniedException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.serviceMessage())
                    .startsWith("The request signature we calculated does not match");
                assertThat(e.operation()).isEqualTo("ListClusters");
                assertThat(e.getMessage())
                    .startsWith(
                        "ListClusters failed with HTTP 403: The request signature we calculated")
                    .contains("check the credentials, the signing region and the clock")
                    .doesNotContain("not-the-secret");
              });
    }
  }

  @Test
  void temporaryCredentialsSendTheirSessionToken() {
    stub.on("GET", "/clusters", json(200, "{\"clusters\":[]}"));
    try (ParallelClusterClient session =
        client(
            StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIASTUB", StubApi.SECRET, "stub-session-token")))) {
      assertThat(session.listClusters(ListClustersRequest.all()).clusters()).isEmpty();
    }
    try (ParallelClusterClient noToken =
        client(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("ASIASTUB", StubApi.SECRET)))) {
      assertThatThrownBy(() -> noToken.listClusters(ListClustersRequest.all()))
          .isInstanceOf(AccessDeniedException.class);
    }
  }

  @Test
  void pathParametersWithSlashesAreSignedAsSent() {
    stub.on(
        "GET",
        "/images/custom/img-1/logstreams/3.12.0%2F1",
        json(200, "{\"events\":[{\"timestamp\":\"2021-01-01T00:00:00Z\",\"message\":\"hi\"}]}"));
    assertThat(client.getImageLogEvents(GetImageLogEventsRequest.of("img-1", "3.12.0/1")).events())
        .hasSize(1);
  }

  @Test
  void anExplicitDenyWithACapitalMessageIsRead() {
    stub.on(
        "GET",
        "/clusters/hpc-1",
        json(
                403,
                "{\"Message\":\"User: arn:aws:iam::123456789012:user/x is not authorized to perform: execute-api:Invoke\"}")
            .withHeader("x-amzn-ErrorType", "AccessDeniedException")
            .withHeader("x-amzn-RequestId", "req-403"));

    assertThatThrownBy(() -> client.describeCluster(DescribeClusterRequest.of("hpc-1")))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> {
              assertThat(e.serviceMessage())
                  .startsWith("User: arn:aws:iam::123456789012:user/x is not authorized");
              assertThat(e.errorType()).isEqualTo("AccessDeniedException");
              assertThat(e.requestId()).isEqualTo("req-403");
              assertThat(e.getMessage()).contains("request id: req-403");
            });
  }

  @Test
  void mapsEveryDeclaredStatusToItsException() {
    record Case(int status, Class<? extends ParallelClusterServiceException> type) {}
    for (Case c :
        new Case[] {
          new Case(400, BadRequestException.class), new Case(401, UnauthorizedException.class),
          new Case(403, AccessDeniedException.class), new Case(404, NotFoundException.class),
          new Case(409, ConflictException.class), new Case(429, LimitExceededException.class),
          new Case(500, InternalServiceException.class), new Case(502, GatewayException.class),
          new Case(503, GatewayException.class), new Case(504, GatewayException.class),
          new Case(418, ParallelClusterServiceException.class)
        }) {
      stub.on("GET", "/clusters/hpc-1", error(c.status(), "status " + c.status()));
      assertThatThrownBy(() -> client.describeCluster(DescribeClusterRequest.of("hpc-1")))
          .as("HTTP %d", c.status())
          .isExactlyInstanceOf(c.type())
          .hasMessage(
              "DescribeCluster failed with HTTP "
                  + c.status()
                  + ": status "
                  + c.status()
                  + (c.status() == 403
                      ? " (API Gateway refused the request: check the credentials, the signing region and the clock)"
                      : ""));
    }
  }

  @Test
  void aRefusedUpdateCarriesItsValidationDetails() throws IOException {
    stub.on("PUT", "/clusters/hpc-1", json(400, fixture("update-cluster-bad-request.json")));

    assertThatThrownBy(() -> client.updateCluster(UpdateClusterRequest.of("hpc-1", CONFIG)))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.serviceMessage()).isEqualTo("Update failure");
              assertThat(e.configurationValidationErrors())
                  .singleElement()
                  .extracting(m -> m.level())
                  .isEqualTo(ValidationLevel.WARNING);
              assertThat(e.updateValidationErrors()).hasSize(1);
              assertThat(e.changeSet()).hasSize(2);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "UpdateCluster failed with HTTP 400: Update failure\n"
                          + "  configuration validation errors:\n"
                          + "    - WARNING KeyPairValidator: Key pair 'ops' not found\n"
                          + "  update validation errors:\n"
                          + "    - Scheduling.SlurmQueues[batch].ComputeResources[cr1].InstanceType (c6i.large -> c6i.xlarge):"
                          + " All compute nodes must be stopped. Stop the compute fleet with the pcluster update-compute-fleet command");
            });
  }

  @Test
  void nonJsonErrorBodiesAreShownShortened() {
    stub.on(
        "GET",
        "/clusters/hpc-1",
        new Reply(
            502,
            "<html><body>" + "Bad gateway ".repeat(100) + "</body></html>",
            java.util.Map.of("Content-Type", "text/html"),
            false));
    assertThatThrownBy(() -> client.describeCluster(DescribeClusterRequest.of("hpc-1")))
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> {
              assertThat(e.serviceMessage())
                  .startsWith("<html><body>Bad gateway")
                  .endsWith("...")
                  .hasSizeLessThan(310);
            });
    stub.on("GET", "/clusters/hpc-1", new Reply(503, null, java.util.Map.of(), false));
    assertThatThrownBy(() -> client.describeCluster(DescribeClusterRequest.of("hpc-1")))
        .hasMessage("DescribeCluster failed with HTTP 503: (no message)");
  }

  @Test
  void unreadableSuccessBodiesFailClearly() {
    stub.on("GET", "/clusters/hpc-1", json(200, "{\"clusterName\": [oops"));
    assertThatThrownBy(() -> client.describeCluster(DescribeClusterRequest.of("hpc-1")))
        .isExactlyInstanceOf(ParallelClusterServiceException.class)
        .hasMessageStartingWith("DescribeCluster answered HTTP 200 with an unreadable body (");
    stub.on("GET", "/clusters/hpc-1", json(200, ""));
    assertThatThrownBy(() -> client.describeCluster(DescribeClusterRequest.of("hpc-1")))
        .hasMessage("DescribeCluster answered HTTP 200 with an empty body");
  }

  @Test
  void updateComputeFleetAcceptsTheServers200AndTheSpecs204() {
    stub.on(
        "PATCH",
        "/clusters/hpc-1/computefleet",
        json(
            200,
            "{\"status\":\"STOP_REQUESTED\",\"lastStatusUpdatedTime\":\"2024-01-01T00:00:00.000Z\"}"));
    ComputeFleetResponse withBody =
        client.updateComputeFleet(
            UpdateComputeFleetRequest.of("hpc-1", RequestedComputeFleetStatus.STOP_REQUESTED));
    assertThat(withBody.status()).isEqualTo(ComputeFleetStatus.STOP_REQUESTED);
    assertThat(stub.requests("PATCH", "/clusters/hpc-1/computefleet").get(0).body())
        .isEqualTo("{\"status\":\"STOP_REQUESTED\"}");

    stub.on(
        "PATCH", "/clusters/hpc-1/computefleet", new Reply(204, null, java.util.Map.of(), false));
    stub.on("GET", "/clusters/hpc-1/computefleet", json(200, "{\"status\":\"STOPPING\"}"));
    ComputeFleetResponse noBody =
        client.updateComputeFleet(
            UpdateComputeFleetRequest.of("hpc-1", RequestedComputeFleetStatus.STOP_REQUESTED));
    assertThat(noBody.status()).isEqualTo(ComputeFleetStatus.STOPPING);
  }

  @Test
  void deleteClusterInstancesHasNoBody() {
    stub.on("DELETE", "/clusters/hpc-1/instances", new Reply(202, null, java.util.Map.of(), false));
    client.deleteClusterInstances(DeleteClusterInstancesRequest.of("hpc-1").withForce(true));
    assertThat(stub.requests("DELETE", "/clusters/hpc-1/instances").get(0).rawQuery())
        .isEqualTo("force=true&region=eu-west-1");
  }

  @Test
  void dryRunsSucceedWith412() {
    stub.on(
        "POST",
        "/clusters",
        json(412, "{\"message\":\"Request would have succeeded, but DryRun flag is set.\"}"));
    DryRunResult result = client.createClusterDryRun(CreateClusterRequest.of("hpc-1", CONFIG));
    assertThat(result.message()).isEqualTo("Request would have succeeded, but DryRun flag is set.");
    assertThat(result.changeSet()).isEmpty();
    assertThat(stub.requests("POST", "/clusters").get(0).rawQuery()).contains("dryrun=true");

    stub.on("POST", "/clusters", json(202, StubResponses.created("hpc-1")));
    assertThatThrownBy(() -> client.createClusterDryRun(CreateClusterRequest.of("hpc-1", CONFIG)))
        .isExactlyInstanceOf(ParallelClusterServiceException.class)
        .hasMessageContaining("CreateCluster answered HTTP 202 to a dry run");

    stub.on(
        "POST",
        "/clusters",
        json(412, "{\"message\":\"Request would have succeeded, but DryRun flag is set.\"}"));
    assertThatThrownBy(() -> client.createCluster(CreateClusterRequest.of("hpc-1", CONFIG)))
        .as("a real create never treats 412 as success")
        .isExactlyInstanceOf(ParallelClusterServiceException.class)
        .hasMessageContaining("HTTP 412");
  }

  @Test
  void invalidRequestsNeverLeaveTheClient() {
    assertThatThrownBy(() -> client.describeCluster(DescribeClusterRequest.of("../../admin")))
        .isInstanceOf(ClientValidationException.class);
    assertThatThrownBy(() -> client.describeCluster(null))
        .isInstanceOf(ClientValidationException.class)
        .hasMessage("DescribeCluster request is invalid: the request is required");
    assertThat(stub.requests()).isEmpty();
  }
}
