package io.camelpcluster.pcluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelpcluster.pcluster.api.model.ClusterStatusFilteringOption;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.DeleteClusterInstancesRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterInstancesRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.GetClusterLogEventsRequest;
import io.camelpcluster.pcluster.api.model.GetImageLogEventsRequest;
import io.camelpcluster.pcluster.api.model.ImageStatusFilteringOption;
import io.camelpcluster.pcluster.api.model.ListClusterLogStreamsRequest;
import io.camelpcluster.pcluster.api.model.ListClustersRequest;
import io.camelpcluster.pcluster.api.model.ListImagesRequest;
import io.camelpcluster.pcluster.api.model.LogEventsQuery;
import io.camelpcluster.pcluster.api.model.NodeType;
import io.camelpcluster.pcluster.api.model.RequestedComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.UpdateClusterRequest;
import io.camelpcluster.pcluster.api.model.UpdateComputeFleetRequest;
import io.camelpcluster.pcluster.api.model.ValidationLevel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class WireEncodingTest {
  private static final String CONFIG = "Region: eu-west-1\nImage:\n  Os: alinux2023\n# déjà vu ✓\n";

  private final Transport transport =
      transport("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/", "eu-west-1");

  private static Transport transport(String endpoint, String region) {
    return new Transport(
        new ClientConfig(
            URI.create(endpoint),
            region,
            "eu-west-1",
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
            Duration.ofSeconds(5),
            RetryPolicy.none(),
            Duration.ZERO,
            HttpClient.newHttpClient(),
            Clock.systemUTC(),
            null));
  }

  private String uri(HttpCall call) {
    return transport.uri(call).toString();
  }

  @Test
  void appendsPathsToTheStageAndAddsTheDefaultRegion() {
    assertThat(uri(ClusterCalls.describeCluster(DescribeClusterRequest.of("hpc-1"))))
        .isEqualTo(
            "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/v3/clusters/hpc-1?region=eu-west-1");
    assertThat(
            uri(
                ClusterCalls.describeCluster(
                    DescribeClusterRequest.of("hpc-1").withRegion("us-east-1"))))
        .endsWith("/prod/v3/clusters/hpc-1?region=us-east-1");
    assertThat(
            transport("http://localhost:8080/prod", null)
                .uri(ClusterCalls.listClusters(ListClustersRequest.all()))
                .toString())
        .isEqualTo("http://localhost:8080/prod/v3/clusters");
  }

  @Test
  void percentEncodesPathParameters() {
    HttpCall call =
        ImageCalls.getImageLogEvents(GetImageLogEventsRequest.of("my-image", "3.12.0/1"));
    assertThat(transport.uri(call).getRawPath())
        .isEqualTo("/prod/v3/images/custom/my-image/logstreams/3.12.0%2F1");

    HttpCall odd =
        ClusterCalls.getClusterLogEvents(GetClusterLogEventsRequest.of("hpc", "a b+c?d#e%f/../g"));
    assertThat(transport.uri(odd).getRawPath())
        .isEqualTo("/prod/v3/clusters/hpc/logstreams/a%20b%2Bc%3Fd%23e%25f%2F..%2Fg");
  }

  @Test
  void repeatsArrayKeysAndWritesBooleansEnumsAndTimes() {
    HttpCall list =
        ClusterCalls.listClusters(
            ListClustersRequest.all()
                .withStatus(
                    ClusterStatusFilteringOption.CREATE_COMPLETE,
                    ClusterStatusFilteringOption.UPDATE_COMPLETE)
                .withNextToken("tok/en=+"));
    assertThat(transport.uri(list).getRawQuery())
        .isEqualTo(
            "nextToken=tok%2Fen%3D%2B&clusterStatus=CREATE_COMPLETE&clusterStatus=UPDATE_COMPLETE&region=eu-west-1");

    HttpCall create =
        ClusterCalls.createCluster(
            CreateClusterRequest.builder()
                .clusterName("hpc-1")
                .clusterConfiguration(CONFIG)
                .suppressValidator("type:KeyPairValidator")
                .suppressValidator("ALL")
                .validationFailureLevel(ValidationLevel.WARNING)
                .rollbackOnFailure(false)
                .build(),
            false);
    assertThat(transport.uri(create).getRawQuery())
        .isEqualTo(
            "suppressValidators=type%3AKeyPairValidator&suppressValidators=ALL"
                + "&validationFailureLevel=WARNING&rollbackOnFailure=false&region=eu-west-1");
    assertThat(create.method()).isEqualTo("POST");
    assertThat(create.idempotent()).isFalse();

    HttpCall instances =
        ClusterCalls.describeClusterInstances(
            DescribeClusterInstancesRequest.of("hpc-1")
                .withNodeType(NodeType.HEAD_NODE)
                .withQueueName("q 1"));
    assertThat(transport.uri(instances).getRawQuery())
        .isEqualTo("nodeType=HeadNode&queueName=q%201&region=eu-west-1");

    HttpCall events =
        ClusterCalls.getClusterLogEvents(
            GetClusterLogEventsRequest.of("hpc-1", "ip-10-0-0-1.i-1.cfn-init")
                .withQuery(
                    LogEventsQuery.fromHead()
                        .withLimit(5)
                        .withTimeRange(
                            Instant.parse("2021-01-01T00:00:00Z"),
                            Instant.parse("2021-01-02T00:00:00.5Z"))));
    assertThat(transport.uri(events).getRawQuery())
        .isEqualTo(
            "startFromHead=true&limit=5&startTime=2021-01-01T00%3A00%3A00Z"
                + "&endTime=2021-01-02T00%3A00%3A00.500Z&region=eu-west-1");

    assertThat(
            transport
                .uri(
                    ClusterCalls.deleteClusterInstances(
                        DeleteClusterInstancesRequest.of("hpc-1").withForce(true)))
                .getRawQuery())
        .isEqualTo("force=true&region=eu-west-1");
    assertThat(
            transport
                .uri(
                    ImageCalls.listImages(ListImagesRequest.of(ImageStatusFilteringOption.PENDING)))
                .getRawQuery())
        .isEqualTo("imageStatus=PENDING&region=eu-west-1");
  }

  @Test
  void sendsLogStreamFiltersAsOneSpaceDelimitedParameter() {
    HttpCall call =
        ClusterCalls.listClusterLogStreams(
            ListClusterLogStreamsRequest.of("hpc-1")
                .withFilters(
                    ListClusterLogStreamsRequest.privateDnsNameFilter("ip-10-0-0-1"),
                    ListClusterLogStreamsRequest.headNodeFilter()));
    assertThat(transport.uri(call).getRawQuery())
        .isEqualTo(
            "filters=Name%3Dprivate-dns-name%2CValues%3Dip-10-0-0-1%20Name%3Dnode-type%2CValues%3DHeadNode&region=eu-west-1");
  }

  @Test
  void dryRunsAddTheFlagAndRealCallsNever() {
    CreateClusterRequest request = CreateClusterRequest.of("hpc-1", CONFIG);
    assertThat(ClusterCalls.createCluster(request, true).query())
        .contains(Map.entry("dryrun", "true"));
    assertThat(ClusterCalls.createCluster(request, true).idempotent()).isTrue();
    assertThat(ClusterCalls.createCluster(request, false).hasQueryParameter("dryrun")).isFalse();
    UpdateClusterRequest update =
        UpdateClusterRequest.builder()
            .clusterName("hpc-1")
            .clusterConfiguration(CONFIG)
            .forceUpdate(true)
            .build();
    assertThat(ClusterCalls.updateCluster(update, false).hasQueryParameter("dryrun")).isFalse();
    assertThat(ClusterCalls.updateCluster(update, false).idempotent())
        .as("probed, not repeated blindly")
        .isFalse();
    assertThat(ClusterCalls.updateCluster(update, false).query())
        .contains(Map.entry("forceUpdate", "true"));
    assertThat(ClusterCalls.updateCluster(update, true).query())
        .contains(Map.entry("dryrun", "true"));
  }

  @Test
  void bodiesCarryTheConfigurationTextUnchanged() throws IOException {
    HttpCall create = ClusterCalls.createCluster(CreateClusterRequest.of("hpc-1", CONFIG), false);
    JsonNode body = ApiJson.mapper().readTree(create.body());
    assertThat(body.get("clusterName").asText()).isEqualTo("hpc-1");
    assertThat(body.get("clusterConfiguration").asText()).isEqualTo(CONFIG);
    assertThat(body.size()).isEqualTo(2);

    HttpCall fleet =
        ClusterCalls.updateComputeFleet(
            UpdateComputeFleetRequest.of("hpc-1", RequestedComputeFleetStatus.STOP_REQUESTED));
    assertThat(new String(fleet.body())).isEqualTo("{\"status\":\"STOP_REQUESTED\"}");
    assertThat(fleet.method()).isEqualTo("PATCH");
  }

  @Test
  void signsForExecuteApiWithTheEndpointRegion() {
    Clock clock = Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC);
    RequestSigner signer = new RequestSigner("eu-west-1", clock);
    URI uri =
        URI.create(
            "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/v3/clusters?region=us-east-1");
    Map<String, List<String>> headers =
        signer.sign(
            "GET",
            uri,
            List.of(Map.entry("region", "us-east-1")),
            Map.of("Accept", "application/json"),
            null,
            AwsSessionCredentials.create("AKIDEXAMPLE", "secret", "session-token"));

    assertThat(headers.get("Authorization"))
        .singleElement()
        .asString()
        .startsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240301/eu-west-1/execute-api/aws4_request")
        .contains("SignedHeaders=accept;host;x-amz-content-sha256;x-amz-date;x-amz-security-token")
        .doesNotContain("secret");
    assertThat(headers.get("X-Amz-Date")).containsExactly("20240301T120000Z");
    assertThat(headers.get("X-Amz-Security-Token")).containsExactly("session-token");
    assertThat(headers).doesNotContainKey("Host");

    Map<String, List<String>> again =
        signer.sign(
            "GET",
            uri,
            List.of(Map.entry("region", "us-east-1")),
            Map.of("Accept", "application/json"),
            null,
            AwsSessionCredentials.create("AKIDEXAMPLE", "secret", "session-token"));
    assertThat(again.get("Authorization")).isEqualTo(headers.get("Authorization"));
  }

  @Test
  void derivesTheSigningRegionFromAnExecuteApiHost() {
    assertThat(
            ParallelClusterClientBuilder.signingRegionOf(
                URI.create("https://abc.execute-api.ap-southeast-2.amazonaws.com/prod"),
                "eu-west-1"))
        .isEqualTo("ap-southeast-2");
    assertThat(
            ParallelClusterClientBuilder.signingRegionOf(
                URI.create(
                    "https://abc-vpce-0123.execute-api.us-gov-west-1.vpce.amazonaws.com/prod"),
                null))
        .isEqualTo("us-gov-west-1");
    assertThat(
            ParallelClusterClientBuilder.signingRegionOf(
                URI.create("https://pcluster.example.com"), "eu-west-1"))
        .isEqualTo("eu-west-1");
    assertThatThrownBy(
            () ->
                ParallelClusterClientBuilder.signingRegionOf(
                    URI.create("http://localhost:1234/prod"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signingRegion");
  }

  @Test
  void builderRejectsUnusableSettings() {
    assertThatThrownBy(() -> ParallelClusterAsyncClient.builder().build())
        .hasMessageContaining("endpoint");
    assertThatThrownBy(
            () ->
                ParallelClusterAsyncClient.builder()
                    .endpoint(URI.create("ftp://x/prod"))
                    .region("eu-west-1")
                    .build())
        .hasMessageContaining("http(s)");
    assertThatThrownBy(
            () ->
                ParallelClusterAsyncClient.builder()
                    .endpoint(URI.create("https://x/prod"))
                    .region("eu west 1")
                    .build())
        .hasMessageContaining("region");
  }
}
