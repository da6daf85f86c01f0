package io.camelpcluster.pcluster.api;

import static io.camelpcluster.pcluster.api.EmulatorFixtures.CREATE;
import static io.camelpcluster.pcluster.api.EmulatorFixtures.DELETE;
import static io.camelpcluster.pcluster.api.EmulatorFixtures.FLEET;
import static io.camelpcluster.pcluster.api.EmulatorFixtures.UPDATE;
import static io.camelpcluster.pcluster.api.EmulatorFixtures.awsBatch;
import static io.camelpcluster.pcluster.api.EmulatorFixtures.slurm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterInstance;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.ClusterStatusFilteringOption;
import io.camelpcluster.pcluster.api.model.ComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.CreateClusterResponse;
import io.camelpcluster.pcluster.api.model.DeleteClusterInstancesRequest;
import io.camelpcluster.pcluster.api.model.DeleteClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterInstancesRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import io.camelpcluster.pcluster.api.model.DescribeComputeFleetRequest;
import io.camelpcluster.pcluster.api.model.DryRunResult;
import io.camelpcluster.pcluster.api.model.GetClusterLogEventsRequest;
import io.camelpcluster.pcluster.api.model.GetClusterStackEventsRequest;
import io.camelpcluster.pcluster.api.model.InstanceState;
import io.camelpcluster.pcluster.api.model.ListClusterLogStreamsRequest;
import io.camelpcluster.pcluster.api.model.ListClustersRequest;
import io.camelpcluster.pcluster.api.model.LogEventsQuery;
import io.camelpcluster.pcluster.api.model.LogStream;
import io.camelpcluster.pcluster.api.model.NodeType;
import io.camelpcluster.pcluster.api.model.RequestedComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.UpdateClusterRequest;
import io.camelpcluster.pcluster.api.model.UpdateClusterResponse;
import io.camelpcluster.pcluster.api.model.UpdateComputeFleetRequest;
import io.camelpcluster.pcluster.api.model.ValidationLevel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cluster operations of the client against the emulator, over signed HTTP. */
class EmulatorClusterOperationsTest {
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

  private void createRunning(String name, String config) {
    client.createCluster(CreateClusterRequest.of(name, config));
    clock.advance(CREATE);
  }

  @Test
  void aClusterGoesThroughItsLifecycle() throws Exception {
    CreateClusterResponse created =
        client.createCluster(CreateClusterRequest.of("hpc-1", slurm(1)));
    assertThat(created.cluster().clusterStatus()).isEqualTo(ClusterStatus.CREATE_IN_PROGRESS);
    assertThat(created.cluster().region()).isEqualTo(emulator.region());
    assertThat(created.cluster().scheduler().type()).isEqualTo("slurm");

    DescribeClusterResponse creating = client.describeCluster(DescribeClusterRequest.of("hpc-1"));
    assertThat(creating.computeFleetStatus()).isEqualTo(ComputeFleetStatus.UNKNOWN);

    clock.advance(CREATE);
    DescribeClusterResponse running = client.describeCluster(DescribeClusterRequest.of("hpc-1"));
    assertThat(running.clusterStatus()).isEqualTo(ClusterStatus.CREATE_COMPLETE);
    assertThat(running.computeFleetStatus()).isEqualTo(ComputeFleetStatus.RUNNING);
    assertThat(running.headNode().state()).isEqualTo(InstanceState.RUNNING);
    assertThat(running.tags()).anyMatch(t -> t.key().equals("parallelcluster:version"));
    assertThat(running.creationTime()).isNotNull();
    assertThat(running.clusterConfiguration().isAvailable()).isTrue();
    HttpResponse<String> yaml =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(running.clusterConfiguration().url())).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(yaml.body()).isEqualTo(slurm(1));

    assertThat(client.listClusters(ListClustersRequest.all()).clusters())
        .extracting(ClusterInfoSummary::clusterName)
        .containsExactly("hpc-1");

    DeleteClusterRequest delete = DeleteClusterRequest.of("hpc-1");
    assertThat(client.deleteCluster(delete).cluster().clusterStatus())
        .isEqualTo(ClusterStatus.DELETE_IN_PROGRESS);
    assertThat(client.deleteCluster(delete).cluster().clusterStatus())
        .as("deleting again while the deletion runs")
        .isEqualTo(ClusterStatus.DELETE_IN_PROGRESS);
    clock.advance(DELETE);
    assertThatThrownBy(() -> client.describeCluster(DescribeClusterRequest.of("hpc-1")))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e ->
                assertThat(e.serviceMessage())
                    .isEqualTo(
                        "Cluster 'hpc-1' does not exist or belongs to an incompatible ParallelCluster major version."));
    assertThatThrownBy(() -> client.deleteCluster(delete)).isInstanceOf(NotFoundException.class);
    assertThat(client.listClusters(ListClustersRequest.all()).clusters()).isEmpty();
  }

  @Test
  void listsClustersByStatus() {
    createRunning("done", slurm(0));
    client.createCluster(CreateClusterRequest.of("busy", slurm(0)));

    assertThat(
            client.listAllClusters(
                ListClustersRequest.all()
                    .withStatus(ClusterStatusFilteringOption.CREATE_IN_PROGRESS)))
        .extracting(ClusterInfoSummary::clusterName)
        .containsExactly("busy");
    assertThat(client.listAllClusters(ListClustersRequest.all()))
        .extracting(ClusterInfoSummary::clusterName)
        .containsExactlyInAnyOrder("done", "busy");
  }

  @Test
  void createRefusesAnExistingNameAndAnInvalidConfiguration() {
    createRunning("hpc-1", slurm(0));

    assertThatThrownBy(() -> client.createCluster(CreateClusterRequest.of("hpc-1", slurm(0))))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e ->
                assertThat(e.serviceMessage())
                    .isEqualTo("Bad Request: Cluster hpc-1 already exists."));
    assertThatThrownBy(
            () ->
                client.createCluster(
                    CreateClusterRequest.of("hpc-2", "Image:\n  Os: alinux2023\n")))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.serviceMessage()).isEqualTo("Invalid cluster configuration.");
              assertThat(e.configurationValidationErrors())
                  .isNotEmpty()
                  .allSatisfy(m -> assertThat(m.level()).isEqualTo(ValidationLevel.ERROR));
              assertThat(e.getMessage())
                  .contains("configuration validation errors:", "ConfigSchemaValidator");
            });
    assertThatThrownBy(
            () ->
                client.createCluster(
                    CreateClusterRequest.of("hpc-3", slurm(0)).withRegion("xx-nowhere-1")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("invalid or unsupported region 'xx-nowhere-1'");
  }

  @Test
  void dryRunsValidateWithoutActing() {
    DryRunResult create = client.createClusterDryRun(CreateClusterRequest.of("hpc-1", slurm(0)));
    assertThat(create.message()).isEqualTo("Request would have succeeded, but DryRun flag is set.");
    assertThatThrownBy(() -> client.describeCluster(DescribeClusterRequest.of("hpc-1")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                client.createClusterDryRun(
                    CreateClusterRequest.of("hpc-1", "Image:\n  Os: alinux2023\n")))
        .isInstanceOf(BadRequestException.class);

    createRunning("hpc-1", slurm(0));
    DryRunResult update =
        client.updateClusterDryRun(
            UpdateClusterRequest.of("hpc-1", slurm(0).replace("MaxCount: 8", "MaxCount: 16")));
    assertThat(update.changeSet())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.parameter())
                  .isEqualTo("Scheduling.SlurmQueues[batch].ComputeResources[cr1].MaxCount");
              assertThat(c.currentValue()).isEqualTo("8");
              assertThat(c.requestedValue()).isEqualTo("16");
            });
    assertThat(client.describeCluster(DescribeClusterRequest.of("hpc-1")).clusterStatus())
        .isEqualTo(ClusterStatus.CREATE_COMPLETE);
  }

  @Test
  void updatesFollowTheUpdatePolicy() {
    createRunning("hpc-1", slurm(1));
    UpdateClusterRequest newType = UpdateClusterRequest.of("hpc-1", slurm("c7i.large", 1));

    assertThatThrownBy(() -> client.updateCluster(newType))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.serviceMessage()).isEqualTo("Update failure");
              assertThat(e.updateValidationErrors())
                  .singleElement()
                  .satisfies(
                      u -> assertThat(u.message()).startsWith("All compute nodes must be stopped"));
              assertThat(e.changeSet()).isNotEmpty();
              assertThat(e.getMessage())
                  .contains("update validation errors:", "All compute nodes must be stopped");
            });
    assertThatThrownBy(() -> client.updateCluster(UpdateClusterRequest.of("hpc-1", slurm(1))))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("No changes found");

    client.updateComputeFleet(
        UpdateComputeFleetRequest.of("hpc-1", RequestedComputeFleetStatus.STOP_REQUESTED));
    clock.advance(FLEET);
    clock.advance(FLEET);
    assertThat(client.describeComputeFleet(DescribeComputeFleetRequest.of("hpc-1")).status())
        .isEqualTo(ComputeFleetStatus.STOPPED);

    UpdateClusterResponse updated = client.updateCluster(newType);
    assertThat(updated.cluster().clusterStatus()).isEqualTo(ClusterStatus.UPDATE_IN_PROGRESS);
    assertThat(updated.changeSet()).anyMatch(c -> "c7i.large".equals(c.requestedValue()));
    assertThatThrownBy(
            () -> client.updateCluster(UpdateClusterRequest.of("hpc-1", slurm("c7i.xlarge", 1))))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.serviceMessage())
                    .isEqualTo(
                        "Cannot execute update while stack is in UPDATE_IN_PROGRESS status."));
    clock.advance(UPDATE);
    assertThat(client.describeCluster(DescribeClusterRequest.of("hpc-1")).clusterStatus())
        .isEqualTo(ClusterStatus.UPDATE_COMPLETE);

    assertThatThrownBy(() -> client.updateCluster(UpdateClusterRequest.of("ghost", slurm(1))))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void theComputeFleetStartsAndStops() {
    client.createCluster(CreateClusterRequest.of("hpc-1", slurm(1)));
    assertThatThrownBy(
            () ->
                client.updateComputeFleet(
                    UpdateComputeFleetRequest.of(
                        "hpc-1", RequestedComputeFleetStatus.STOP_REQUESTED)))
        .as("not while the stack is being created")
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("CREATE_IN_PROGRESS");
    clock.advance(CREATE);

    assertThat(
            client
                .updateComputeFleet(
                    UpdateComputeFleetRequest.of(
                        "hpc-1", RequestedComputeFleetStatus.STOP_REQUESTED))
                .status())
        .isEqualTo(ComputeFleetStatus.STOP_REQUESTED);
    assertThatThrownBy(
            () ->
                client.updateComputeFleet(
                    UpdateComputeFleetRequest.of("hpc-1", RequestedComputeFleetStatus.DISABLED)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Slurm");
    clock.advance(FLEET);
    clock.advance(FLEET);
    var stopped = client.describeComputeFleet(DescribeComputeFleetRequest.of("hpc-1"));
    assertThat(stopped.status()).isEqualTo(ComputeFleetStatus.STOPPED);
    assertThat(stopped.lastStatusUpdatedTime()).isNotNull();

    assertThatThrownBy(() -> client.describeComputeFleet(DescribeComputeFleetRequest.of("ghost")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                client.updateComputeFleet(
                    UpdateComputeFleetRequest.of(
                        "ghost", RequestedComputeFleetStatus.START_REQUESTED)))
        .isInstanceOf(NotFoundException.class);

    createRunning("batch-1", awsBatch());
    assertThat(client.describeComputeFleet(DescribeComputeFleetRequest.of("batch-1")).status())
        .isEqualTo(ComputeFleetStatus.ENABLED);
    assertThat(
            client
                .updateComputeFleet(
                    UpdateComputeFleetRequest.of("batch-1", RequestedComputeFleetStatus.DISABLED))
                .status())
        .isEqualTo(ComputeFleetStatus.DISABLED);
  }

  @Test
  void instancesAreDescribedAndTerminated() {
    createRunning("hpc-1", slurm(2));

    List<ClusterInstance> all =
        client.describeAllClusterInstances(DescribeClusterInstancesRequest.of("hpc-1")).toList();
    assertThat(all)
        .extracting(ClusterInstance::nodeType)
        .containsOnly(NodeType.HEAD_NODE, NodeType.COMPUTE_NODE);
    assertThat(all)
        .filteredOn(i -> i.nodeType() == NodeType.COMPUTE_NODE)
        .hasSize(2)
        .allMatch(i -> "batch".equals(i.queueName()));
    assertThat(
            client
                .describeClusterInstances(
                    DescribeClusterInstancesRequest.of("hpc-1").withNodeType(NodeType.HEAD_NODE))
                .instances())
        .singleElement()
        .extracting(ClusterInstance::instanceType)
        .isEqualTo("t3.medium");
    assertThat(
            client
                .describeClusterInstances(DescribeClusterInstancesRequest.of("ghost"))
                .instances())
        .as("no existence check")
        .isEmpty();

    List<String> computeIds =
        all.stream()
            .filter(i -> i.nodeType() == NodeType.COMPUTE_NODE)
            .map(ClusterInstance::instanceId)
            .toList();
    client.deleteClusterInstances(DeleteClusterInstancesRequest.of("hpc-1"));
    assertThat(
            client.describeAllClusterInstances(
                DescribeClusterInstancesRequest.of("hpc-1").withNodeType(NodeType.COMPUTE_NODE)))
        .extracting(ClusterInstance::instanceId)
        .doesNotContainAnyElementsOf(computeIds);
    assertThatThrownBy(
            () -> client.deleteClusterInstances(DeleteClusterInstancesRequest.of("ghost")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("force");
    client.deleteClusterInstances(DeleteClusterInstancesRequest.of("ghost").withForce(true));

    createRunning("batch-1", awsBatch());
    assertThatThrownBy(
            () -> client.deleteClusterInstances(DeleteClusterInstancesRequest.of("batch-1")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("AWS Batch");
  }

  @Test
  void logsAndStackEventsAreRead() {
    createRunning("hpc-1", slurm(1));

    List<LogStream> streams =
        client.listAllClusterLogStreams(ListClusterLogStreamsRequest.of("hpc-1")).toList();
    assertThat(streams).isNotEmpty();
    List<LogStream> head =
        client
            .listAllClusterLogStreams(
                ListClusterLogStreamsRequest.of("hpc-1")
                    .withFilters(ListClusterLogStreamsRequest.headNodeFilter()))
            .toList();
    assertThat(head).isNotEmpty().hasSizeLessThan(streams.size());
    String dns = head.get(0).logStreamName().substring(0, head.get(0).logStreamName().indexOf('.'));
    assertThat(
            client
                .listAllClusterLogStreams(
                    ListClusterLogStreamsRequest.of("hpc-1")
                        .withFilters(ListClusterLogStreamsRequest.privateDnsNameFilter(dns)))
                .toList())
        .containsExactlyInAnyOrderElementsOf(head);
    assertThatThrownBy(
            () ->
                client.listClusterLogStreams(
                    ListClusterLogStreamsRequest.of("hpc-1")
                        .withFilters("Name=node-type,Values=ComputeNode")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("HeadNode");

    String cfnInit =
        head.stream()
            .map(LogStream::logStreamName)
            .filter(n -> n.endsWith(".cfn-init"))
            .findFirst()
            .orElseThrow();
    assertThat(
            client.getAllClusterLogEvents(
                GetClusterLogEventsRequest.of("hpc-1", cfnInit)
                    .withQuery(LogEventsQuery.fromHead())))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.timestamp()).isNotNull());
    assertThatThrownBy(
            () ->
                client.getClusterLogEvents(
                    GetClusterLogEventsRequest.of("hpc-1", dns + ".i-0000.missing")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("does not exist");

    assertThat(client.getAllClusterStackEvents(GetClusterStackEventsRequest.of("hpc-1")))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.stackName()).isEqualTo("hpc-1"));
    assertThatThrownBy(() -> client.getClusterStackEvents(GetClusterStackEventsRequest.of("ghost")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.listClusterLogStreams(ListClusterLogStreamsRequest.of("ghost")))
        .isInstanceOf(NotFoundException.class);
  }
}
