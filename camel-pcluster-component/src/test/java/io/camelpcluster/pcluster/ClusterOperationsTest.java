package io.camelpcluster.pcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelpcluster.pcluster.api.BadRequestException;
import io.camelpcluster.pcluster.api.ClientValidationException;
import io.camelpcluster.pcluster.api.NotFoundException;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.ComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.CreateClusterResponse;
import io.camelpcluster.pcluster.api.model.DeleteClusterResponse;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import io.camelpcluster.pcluster.api.model.DryRunResult;
import io.camelpcluster.pcluster.api.model.ListClustersResponse;
import io.camelpcluster.pcluster.api.model.UpdateClusterResponse;
import io.camelpcluster.pcluster.api.model.ValidationLevel;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class ClusterOperationsTest extends PclusterTestSupport {

  @Test
  void createClusterFromHeadersAndBody() {
    String name = uniqueName("hdr");

    Exchange exchange =
        send(
            "pcluster:createCluster",
            ClusterYaml.slurm(0),
            Map.of(PclusterConstants.CLUSTER_NAME, name));

    assertThat(exchange.getException()).isNull();
    CreateClusterResponse response = exchange.getMessage().getBody(CreateClusterResponse.class);
    assertThat(response.cluster().clusterName()).isEqualTo(name);
    assertThat(exchange.getMessage().getHeaders())
        .containsEntry(PclusterConstants.CLUSTER_NAME, name)
        .containsEntry(PclusterConstants.CLUSTER_STATUS, ClusterStatus.CREATE_IN_PROGRESS)
        .containsEntry(
            PclusterConstants.VALIDATION_MESSAGES_COUNT, response.validationMessages().size());
  }

  @Test
  void createClusterFromOptions() {
    String name = uniqueName("opt");
    context.getRegistry().bind("config", ClusterYaml.slurm(0));

    Exchange exchange =
        send(
            "pcluster:createCluster?clusterName=" + name + "&clusterConfiguration=#bean:config",
            "ignored body",
            Map.of());

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getHeader(PclusterConstants.CLUSTER_NAME)).isEqualTo(name);
    assertThat(statusOf(name))
        .isIn(ClusterStatus.CREATE_IN_PROGRESS, ClusterStatus.CREATE_COMPLETE);
  }

  @Test
  void headerOverridesTheOption() {
    String name = uniqueName("wins");

    Exchange exchange =
        send(
            "pcluster:createCluster?clusterName=not-this-one",
            ClusterYaml.slurm(0),
            Map.of(PclusterConstants.CLUSTER_NAME, name));

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody(CreateClusterResponse.class).cluster().clusterName())
        .isEqualTo(name);
  }

  @Test
  void createClusterFromPojoRequest() {
    String name = uniqueName("pojo");
    CreateClusterRequest request =
        CreateClusterRequest.builder()
            .clusterName(name)
            .clusterConfiguration(ClusterYaml.slurm(0))
            .validationFailureLevel(ValidationLevel.ERROR)
            .build();

    Exchange exchange = send("pcluster:createCluster?pojoRequest=true", request, Map.of());

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody(CreateClusterResponse.class).cluster().region())
        .isEqualTo(emulator().region());
  }

  @Test
  void pojoRequestOfTheWrongTypeIsRefused() {
    Exchange exchange = send("pcluster:createCluster?pojoRequest=true", "not a request", Map.of());

    assertThat(exchange.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CreateClusterRequest body, got a java.lang.String");
  }

  @Test
  void dryRunPutsTheResultInTheBody() {
    String name = uniqueName("dry");

    Exchange exchange =
        send(
            "pcluster:createCluster?dryrun=true",
            ClusterYaml.slurm(0),
            Map.of(PclusterConstants.CLUSTER_NAME, name));

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody()).isInstanceOf(DryRunResult.class);
    assertThat(exchange.getMessage().getHeader(PclusterConstants.DRY_RUN_PASSED)).isEqualTo(true);
    Exchange describe =
        send("pcluster:describeCluster", null, Map.of(PclusterConstants.CLUSTER_NAME, name));
    assertThat(describe.getException()).isInstanceOf(NotFoundException.class);
  }

  @Test
  void invalidConfigurationFailsWithTheServiceFindings() {
    Exchange exchange =
        send(
            "pcluster:createCluster",
            "HeadNode:\n  InstanceType: t3.medium\n",
            Map.of(PclusterConstants.CLUSTER_NAME, uniqueName("bad")));

    assertThat(exchange.getException())
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> assertThat(e.configurationValidationErrors()).isNotEmpty())
        .hasMessageContaining("Invalid cluster configuration");
  }

  @Test
  void missingClusterNameNamesOptionAndHeader() {
    Exchange exchange = send("pcluster:createCluster", ClusterYaml.slurm(0), Map.of());

    assertThat(exchange.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "createCluster needs clusterName: set the clusterName option or the"
                + " CamelPclusterClusterName header");
  }

  @Test
  void invalidClusterNameIsRefusedByTheClient() {
    Exchange exchange =
        send(
            "pcluster:createCluster",
            ClusterYaml.slurm(0),
            Map.of(PclusterConstants.CLUSTER_NAME, "bad name; rm -rf /"));

    assertThat(exchange.getException()).isInstanceOf(ClientValidationException.class);
  }

  @Test
  void describeCluster() {
    String name = createdCluster("desc");

    Exchange exchange = send("pcluster:describeCluster?clusterName=" + name, null, Map.of());

    DescribeClusterResponse response = exchange.getMessage().getBody(DescribeClusterResponse.class);
    assertThat(response.clusterStatus()).isEqualTo(ClusterStatus.CREATE_COMPLETE);
    assertThat(exchange.getMessage().getHeaders())
        .containsEntry(PclusterConstants.CLUSTER_STATUS, ClusterStatus.CREATE_COMPLETE)
        .containsEntry(PclusterConstants.COMPUTE_FLEET_STATUS, ComputeFleetStatus.RUNNING)
        .containsKey(PclusterConstants.CLOUDFORMATION_STACK_STATUS);
  }

  @Test
  void describeClusterFromPojoRequest() {
    String name = createdCluster("pojodesc");

    Exchange exchange =
        send(
            "pcluster:describeCluster?pojoRequest=true", DescribeClusterRequest.of(name), Map.of());

    assertThat(exchange.getMessage().getBody(DescribeClusterResponse.class).clusterName())
        .isEqualTo(name);
  }

  @Test
  void listClustersOnePageOrAllPages() {
    String first = createdCluster("list");
    String second = createdCluster("list");

    Exchange all = send("pcluster:listClusters?allPages=true", null, Map.of());
    Exchange page = send("pcluster:listClusters", null, Map.of());

    @SuppressWarnings("unchecked")
    List<ClusterInfoSummary> clusters = all.getMessage().getBody(List.class);
    assertThat(clusters).extracting(ClusterInfoSummary::clusterName).contains(first, second);
    assertThat(all.getMessage().getHeader(PclusterConstants.NEXT_TOKEN)).isNull();
    assertThat(page.getMessage().getBody()).isInstanceOf(ListClustersResponse.class);
  }

  @Test
  void listClustersFilteredByStatus() {
    String name = createdCluster("filter");

    Exchange complete =
        send(
            "pcluster:listClusters?allPages=true&clusterStatusFilter=CREATE_COMPLETE,UPDATE_COMPLETE",
            null,
            Map.of());
    Exchange failed =
        send(
            "pcluster:listClusters?allPages=true",
            null,
            Map.of(PclusterConstants.CLUSTER_STATUS_FILTER, "CREATE_FAILED"));

    assertThat(complete.getMessage().getBody(List.class))
        .extracting(c -> ((ClusterInfoSummary) c).clusterName())
        .contains(name);
    assertThat(failed.getMessage().getBody(List.class))
        .extracting(c -> ((ClusterInfoSummary) c).clusterName())
        .doesNotContain(name);
  }

  @Test
  void unknownStatusFilterListsTheValidOnes() {
    Exchange exchange = send("pcluster:listClusters?clusterStatusFilter=RUNNING", null, Map.of());

    assertThat(exchange.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CREATE_COMPLETE");
  }

  @Test
  void updateClusterCarriesTheChangeSet() {
    String name = createdCluster("upd");

    Exchange exchange =
        send(
            "pcluster:updateCluster?clusterName=" + name + "&waitForCompletion=true",
            ClusterYaml.slurm(2),
            Map.of());

    assertThat(exchange.getException()).isNull();
    UpdateClusterResponse response = exchange.getMessage().getBody(UpdateClusterResponse.class);
    assertThat(response.changeSet()).isNotEmpty();
    assertThat(exchange.getMessage().getHeaders())
        .containsEntry(PclusterConstants.CLUSTER_STATUS, ClusterStatus.UPDATE_COMPLETE)
        .containsEntry(PclusterConstants.CHANGE_COUNT, response.changeSet().size());
  }

  @Test
  void updateDryRunReportsTheChanges() {
    String name = createdCluster("upddry");

    Exchange exchange =
        send(
            "pcluster:updateCluster",
            ClusterYaml.slurm(3),
            Map.of(PclusterConstants.CLUSTER_NAME, name, PclusterConstants.DRY_RUN, "true"));

    assertThat(exchange.getException()).isNull();
    DryRunResult result = exchange.getMessage().getBody(DryRunResult.class);
    assertThat(result.changeSet()).isNotEmpty();
    assertThat(exchange.getMessage().getHeader(PclusterConstants.CHANGE_COUNT))
        .isEqualTo(result.changeSet().size());
    assertThat(statusOf(name)).isEqualTo(ClusterStatus.CREATE_COMPLETE);
  }

  @Test
  void deleteClusterAndWaitUntilGone() {
    String name = createdCluster("del");

    Exchange exchange =
        send("pcluster:deleteCluster?waitForCompletion=true&clusterName=" + name, null, Map.of());

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getBody()).isInstanceOf(DeleteClusterResponse.class);
    assertThat(exchange.getMessage().getHeader(PclusterConstants.CLUSTER_STATUS))
        .isEqualTo(ClusterStatus.DELETE_COMPLETE);
    Exchange describe =
        send("pcluster:describeCluster", null, Map.of(PclusterConstants.CLUSTER_NAME, name));
    assertThat(describe.getException())
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(name);
  }

  @Test
  void operationHeaderOverridesTheEndpoint() {
    String name = createdCluster("ophdr");

    Exchange exchange =
        send(
            "pcluster:listClusters",
            null,
            Map.of(
                PclusterConstants.OPERATION,
                "describeCluster",
                PclusterConstants.CLUSTER_NAME,
                name));

    assertThat(exchange.getMessage().getBody()).isInstanceOf(DescribeClusterResponse.class);
  }

  @Test
  void unknownOperationHeaderIsRefused() {
    Exchange exchange =
        send("pcluster:listClusters", null, Map.of(PclusterConstants.OPERATION, "dropTables"));

    assertThat(exchange.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(PclusterConstants.OPERATION);
  }
}
