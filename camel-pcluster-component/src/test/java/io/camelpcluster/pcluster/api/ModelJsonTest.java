package io.camelpcluster.pcluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelpcluster.pcluster.api.model.AmiInfo;
import io.camelpcluster.pcluster.api.model.CloudFormationResourceStatus;
import io.camelpcluster.pcluster.api.model.CloudFormationStackStatus;
import io.camelpcluster.pcluster.api.model.ClusterInstance;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.ComputeFleetResponse;
import io.camelpcluster.pcluster.api.model.ComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.DescribeClusterInstancesResponse;
import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import io.camelpcluster.pcluster.api.model.DescribeImageResponse;
import io.camelpcluster.pcluster.api.model.DryRunResult;
import io.camelpcluster.pcluster.api.model.Ec2AmiState;
import io.camelpcluster.pcluster.api.model.ImageBuildStatus;
import io.camelpcluster.pcluster.api.model.ImageBuilderImageStatus;
import io.camelpcluster.pcluster.api.model.InstanceState;
import io.camelpcluster.pcluster.api.model.ListClustersResponse;
import io.camelpcluster.pcluster.api.model.ListImagesResponse;
import io.camelpcluster.pcluster.api.model.ListOfficialImagesResponse;
import io.camelpcluster.pcluster.api.model.LogEventsResponse;
import io.camelpcluster.pcluster.api.model.LogStreamsResponse;
import io.camelpcluster.pcluster.api.model.LoginNodesState;
import io.camelpcluster.pcluster.api.model.NodeType;
import io.camelpcluster.pcluster.api.model.StackEventsResponse;
import io.camelpcluster.pcluster.api.model.ValidationLevel;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModelJsonTest {
  private final ObjectMapper json = ApiJson.mapper();

  private <T> T fixture(String name, Class<T> type) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("fixtures/" + name)) {
      assertThat(in).as(name).isNotNull();
      return json.readValue(in, type);
    }
  }

  @Test
  void readsAFullDescribeCluster() throws IOException {
    DescribeClusterResponse cluster =
        fixture("describe-cluster.json", DescribeClusterResponse.class);

    assertThat(cluster.clusterName()).isEqualTo("hpc-prod");
    assertThat(cluster.cloudFormationStackStatus())
        .isEqualTo(CloudFormationStackStatus.CREATE_COMPLETE);
    assertThat(cluster.clusterStatus()).isEqualTo(ClusterStatus.CREATE_COMPLETE);
    assertThat(cluster.computeFleetStatus()).isEqualTo(ComputeFleetStatus.RUNNING);
    assertThat(cluster.scheduler().type()).isEqualTo("slurm");
    assertThat(cluster.creationTime()).isEqualTo(Instant.parse("2021-07-15T01:22:02.655Z"));
    assertThat(cluster.clusterConfiguration().isAvailable()).isTrue();
    assertThat(cluster.tags()).extracting(t -> t.key()).contains("team");
    assertThat(cluster.headNode().state()).isEqualTo(InstanceState.RUNNING);
    assertThat(cluster.headNode().launchTime()).isEqualTo(Instant.parse("2021-07-15T01:25:10Z"));
    assertThat(cluster.loginNodes())
        .singleElement()
        .satisfies(
            pool -> {
              assertThat(pool.status()).isEqualTo(LoginNodesState.ACTIVE);
              assertThat(pool.healthyNodes()).isEqualTo(2);
            });
    assertThat(cluster.failures()).isEmpty();
    assertThat(cluster.toSummary().cloudformationStackStatus())
        .isEqualTo(CloudFormationStackStatus.CREATE_COMPLETE);
  }

  @Test
  void toleratesValuesAndFieldsOfANewerServer() throws IOException {
    DescribeClusterResponse cluster =
        fixture("describe-cluster-newer-server.json", DescribeClusterResponse.class);

    assertThat(cluster.clusterStatus()).isEqualTo(ClusterStatus.UNKNOWN_TO_CLIENT);
    assertThat(cluster.cloudFormationStackStatus())
        .isEqualTo(CloudFormationStackStatus.UNKNOWN_TO_CLIENT);
    assertThat(cluster.computeFleetStatus())
        .as("a real UNKNOWN is not the same as a value this client does not know")
        .isEqualTo(ComputeFleetStatus.UNKNOWN_TO_CLIENT);
    assertThat(cluster.headNode().state()).isEqualTo(InstanceState.UNKNOWN_TO_CLIENT);
    assertThat(cluster.loginNodes().get(0).status()).isEqualTo(LoginNodesState.UNKNOWN_TO_CLIENT);
    assertThat(cluster.clusterConfiguration().isAvailable()).isFalse();
    assertThat(cluster.lastUpdatedTime()).isEqualTo(Instant.parse("2030-01-02T00:00:00Z"));
    assertThat(cluster.headNode().launchTime())
        .isEqualTo(Instant.parse("2030-01-01T05:10:00.123456789Z"));
    assertThat(cluster.failures())
        .singleElement()
        .extracting(f -> f.failureCode())
        .isEqualTo("QuantumFailure");
  }

  @Test
  void omittedOptionalFieldsAreNullOrEmpty() throws IOException {
    DescribeClusterResponse cluster =
        fixture("describe-cluster-minimal.json", DescribeClusterResponse.class);

    assertThat(cluster.headNode()).isNull();
    assertThat(cluster.scheduler()).isNull();
    assertThat(cluster.loginNodes()).isEmpty();
    assertThat(cluster.failures()).isEmpty();
    assertThat(cluster.computeFleetStatus()).isEqualTo(ComputeFleetStatus.UNKNOWN);
  }

  @Test
  void readsListPagesAndExposesThemAsPages() throws IOException {
    ListClustersResponse page = fixture("list-clusters.json", ListClustersResponse.class);
    assertThat(page.items()).hasSize(2).isSameAs(page.clusters());
    assertThat(page.nextToken()).isEqualTo("eyJwYWdlIjogMn0=");
    assertThat(page.clusters().get(0).scheduler().metadata().name()).isEqualTo("legacy-plugin");
    assertThat(page.clusters().get(0).cloudformationStackStatus())
        .isEqualTo(CloudFormationStackStatus.UPDATE_ROLLBACK_COMPLETE);

    ListClustersResponse empty = json.readValue("{\"clusters\":[]}", ListClustersResponse.class);
    assertThat(empty.items()).isEmpty();
    assertThat(empty.nextToken()).isNull();
    assertThat(json.readValue("{}", ListClustersResponse.class).clusters()).isEmpty();
  }

  @Test
  void readsInstancesWithLowerCaseAndHyphenatedStates() throws IOException {
    DescribeClusterInstancesResponse page =
        fixture("describe-cluster-instances.json", DescribeClusterInstancesResponse.class);

    assertThat(page.instances())
        .extracting(ClusterInstance::state)
        .containsExactly(
            InstanceState.RUNNING,
            InstanceState.SHUTTING_DOWN,
            InstanceState.PENDING,
            InstanceState.STOPPED);
    assertThat(page.instances())
        .extracting(ClusterInstance::nodeType)
        .containsExactly(
            NodeType.HEAD_NODE,
            NodeType.COMPUTE_NODE,
            NodeType.LOGIN_NODE,
            NodeType.UNKNOWN_TO_CLIENT);
    assertThat(page.instances().get(1).queueName()).isEqualTo("batch");
    assertThat(page.instances().get(2).poolName()).isEqualTo("login");
  }

  @Test
  void writesEnumsWithTheirWireSpelling() throws IOException {
    assertThat(json.writeValueAsString(InstanceState.SHUTTING_DOWN)).isEqualTo("\"shutting-down\"");
    assertThat(ApiJson.wireValue(NodeType.HEAD_NODE)).isEqualTo("HeadNode");
    assertThat(ApiJson.wireValue(LoginNodesState.ACTIVE)).isEqualTo("active");
    assertThat(ApiJson.wireValue(ValidationLevel.WARNING)).isEqualTo("WARNING");
  }

  @Test
  void readsStackAndLogEvents() throws IOException {
    StackEventsResponse stack = fixture("stack-events.json", StackEventsResponse.class);
    assertThat(stack.events().get(0).resourceStatus())
        .isEqualTo(CloudFormationResourceStatus.CREATE_COMPLETE);
    assertThat(stack.events().get(0).resourceProperties()).contains("t3.medium");
    assertThat(stack.events().get(1).resourceStatus())
        .isEqualTo(CloudFormationResourceStatus.UNKNOWN_TO_CLIENT);
    assertThat(stack.events().get(1).clientRequestToken()).isNull();

    LogEventsResponse logs = fixture("log-events.json", LogEventsResponse.class);
    Instant instant = Instant.parse("2021-07-15T01:22:02.655Z");
    assertThat(logs.events())
        .extracting(e -> e.timestamp())
        .containsExactly(
            instant,
            instant,
            Instant.parse("2021-07-15T01:22:02Z"),
            Instant.parse("2021-07-15T00:00:00Z"));
    assertThat(logs.prevToken()).isEqualTo("b/36287443617260");
    assertThat(json.readValue("{}", LogEventsResponse.class).events()).isEmpty();

    LogStreamsResponse streams = fixture("log-streams.json", LogStreamsResponse.class);
    assertThat(streams.logStreams())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.logStreamName()).endsWith(".cfn-init");
              assertThat(s.lastIngestionTime()).isEqualTo(Instant.parse("2021-07-15T01:30:00Z"));
            });
  }

  @Test
  void readsImagesFromTheBuildStackOrTheAmi() throws IOException {
    DescribeImageResponse building =
        fixture("describe-image-building.json", DescribeImageResponse.class);
    assertThat(building.imageBuildStatus()).isEqualTo(ImageBuildStatus.BUILD_IN_PROGRESS);
    assertThat(building.imagebuilderImageStatus()).isEqualTo(ImageBuilderImageStatus.BUILDING);
    assertThat(building.ec2AmiInfo()).isNull();
    assertThat(building.toSummary().ec2AmiInfo()).isNull();

    DescribeImageResponse available =
        fixture("describe-image-available.json", DescribeImageResponse.class);
    assertThat(available.ec2AmiInfo().state()).isEqualTo(Ec2AmiState.AVAILABLE);
    assertThat(available.ec2AmiInfo().description()).isEqualTo("AWS ParallelCluster AMI");
    assertThat(available.toSummary().ec2AmiInfo().amiId()).isEqualTo("ami-0123456789abcdef0");
    assertThat(available.imageConfiguration().isAvailable()).isFalse();
    assertThat(available.cloudformationStackTags()).isEmpty();

    ListImagesResponse images = fixture("list-images.json", ListImagesResponse.class);
    assertThat(images.images())
        .extracting(i -> i.imageBuildStatus())
        .containsExactly(ImageBuildStatus.BUILD_COMPLETE, ImageBuildStatus.BUILD_IN_PROGRESS);

    ListOfficialImagesResponse official =
        json.readValue(
            "{\"images\":[{\"amiId\":\"ami-1\",\"name\":\"aws-parallelcluster-3.12.0-amzn2-hvm-x86_64-1\","
                + "\"os\":\"alinux2\",\"architecture\":\"x86_64\",\"version\":\"3.12.0\"}]}",
            ListOfficialImagesResponse.class);
    assertThat(official.images()).extracting(AmiInfo::os).containsExactly("alinux2");
  }

  @Test
  void readsDryRunsWithNonStringValuesAndUnknownLevels() throws IOException {
    DryRunResult dryRun = fixture("dry-run-update.json", DryRunResult.class);
    assertThat(dryRun.changeSet())
        .singleElement()
        .extracting(c -> c.requestedValue())
        .isEqualTo("-");
    assertThat(dryRun.validationMessages())
        .extracting(m -> m.level())
        .containsExactly(ValidationLevel.INFO, ValidationLevel.UNKNOWN_TO_CLIENT);

    ErrorBody error = fixture("update-cluster-bad-request.json", ErrorBody.class);
    assertThat(error.changeSet().get(1).currentValue())
        .as("a YAML number becomes a string")
        .isEqualTo("8");
    assertThat(error.updateValidationErrors()).hasSize(1);
    assertThat(
            json.readValue("{\"Message\":\"User: x is not authorized\"}", ErrorBody.class)
                .message())
        .startsWith("User:");
  }

  @Test
  void computeFleetTimestampIsOptional() throws IOException {
    ComputeFleetResponse batch =
        json.readValue("{\"status\":\"ENABLED\"}", ComputeFleetResponse.class);
    assertThat(batch.status()).isEqualTo(ComputeFleetStatus.ENABLED);
    assertThat(batch.lastStatusUpdatedTime()).isNull();
  }

  @Test
  void rejectsATimestampThatIsNotIso8601() {
    assertThatThrownBy(
            () ->
                json.readValue(
                    "{\"status\":\"RUNNING\",\"lastStatusUpdatedTime\":\"yesterday\"}",
                    ComputeFleetResponse.class))
        .hasMessageContaining("ISO-8601");
  }

  @Test
  void writesRecordsBackWithoutHelperProperties() throws IOException {
    ListClustersResponse page = fixture("list-clusters.json", ListClustersResponse.class);
    JsonNode written = json.valueToTree(page);
    assertThat(written.has("items")).isFalse();
    assertThat(written.get("clusters")).hasSize(2);

    DescribeClusterResponse cluster =
        fixture("describe-cluster.json", DescribeClusterResponse.class);
    JsonNode tree = json.valueToTree(cluster);
    assertThat(tree.get("creationTime").asText()).isEqualTo("2021-07-15T01:22:02.655Z");
    assertThat(tree.get("headNode").get("state").asText()).isEqualTo("running");
    assertThat(tree.get("clusterConfiguration").has("available")).isFalse();
    assertThat(tree.has("summary")).isFalse();
    assertThat(json.treeToValue(tree, DescribeClusterResponse.class)).isEqualTo(cluster);
  }
}
