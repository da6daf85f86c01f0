package io.camelpcluster.pcluster.api;

import static io.camelpcluster.pcluster.api.EmulatorFixtures.CREATE;
import static io.camelpcluster.pcluster.api.EmulatorFixtures.image;
import static io.camelpcluster.pcluster.api.EmulatorFixtures.slurm;
import static org.assertj.core.api.Assertions.assertThat;

import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.pcluster.api.model.BuildImageRequest;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatusFilteringOption;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterInstancesRequest;
import io.camelpcluster.pcluster.api.model.GetClusterLogEventsRequest;
import io.camelpcluster.pcluster.api.model.GetClusterStackEventsRequest;
import io.camelpcluster.pcluster.api.model.GetImageStackEventsRequest;
import io.camelpcluster.pcluster.api.model.ImageInfoSummary;
import io.camelpcluster.pcluster.api.model.ImageStatusFilteringOption;
import io.camelpcluster.pcluster.api.model.ListClusterLogStreamsRequest;
import io.camelpcluster.pcluster.api.model.ListClustersRequest;
import io.camelpcluster.pcluster.api.model.ListImagesRequest;
import io.camelpcluster.pcluster.api.model.LogEvent;
import io.camelpcluster.pcluster.api.model.LogEventsQuery;
import io.camelpcluster.pcluster.api.model.LogStream;
import io.camelpcluster.pcluster.api.model.StackEvent;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page-walking helpers, with the emulator answering two items per page. */
class EmulatorPaginationTest {
  private final ManualClock clock = ManualClock.now();
  private PclusterEmulator emulator;
  private ParallelClusterClient client;
  private ParallelClusterAsyncClient async;

  @BeforeEach
  void start() {
    emulator = PclusterEmulator.start(EmulatorFixtures.config(clock).pageSize(2).build());
    client = EmulatorFixtures.client(emulator, clock).build();
    async = client.async();
  }

  @AfterEach
  void stop() {
    client.close();
    emulator.close();
  }

  @Test
  void clustersArePagedAndEmptyFilteredPagesAreWalkedThrough() {
    IntStream.rangeClosed(1, 5)
        .forEach(i -> client.createCluster(CreateClusterRequest.of("c" + i, slurm(0))));
    clock.advance(CREATE);
    client.createCluster(CreateClusterRequest.of("late", slurm(0)));
    emulator.requests().clear();

    assertThat(
            client.listAllClusters(ListClustersRequest.all()).map(ClusterInfoSummary::clusterName))
        .containsExactlyInAnyOrder("c1", "c2", "c3", "c4", "c5", "late");
    assertThat(emulator.requests().count("GET", "/v3/clusters")).isEqualTo(3);

    emulator.requests().clear();
    assertThat(
            async
                .listAllClusters(
                    ListClustersRequest.all()
                        .withStatus(ClusterStatusFilteringOption.CREATE_IN_PROGRESS))
                .join())
        .extracting(ClusterInfoSummary::clusterName)
        .containsExactly("late");
    assertThat(emulator.requests().count("GET", "/v3/clusters"))
        .as("every page, even empty ones")
        .isEqualTo(3);

    emulator.requests().clear();
    assertThat(client.listAllClusters(ListClustersRequest.all()).limit(2)).hasSize(2);
    assertThat(emulator.requests().count("GET", "/v3/clusters")).as("lazily").isEqualTo(1);
  }

  @Test
  void instancesLogStreamsLogEventsAndStackEventsArePaged() {
    client.createCluster(CreateClusterRequest.of("hpc-1", slurm(3)));
    clock.advance(CREATE);

    assertThat(client.describeAllClusterInstances(DescribeClusterInstancesRequest.of("hpc-1")))
        .hasSize(4);
    assertThat(
            async.describeAllClusterInstances(DescribeClusterInstancesRequest.of("hpc-1")).join())
        .hasSize(4);

    List<LogStream> streams =
        client.listAllClusterLogStreams(ListClusterLogStreamsRequest.of("hpc-1")).toList();
    assertThat(streams).hasSizeGreaterThan(2);
    assertThat(streams).extracting(LogStream::logStreamName).doesNotHaveDuplicates();
    assertThat(async.listAllClusterLogStreams(ListClusterLogStreamsRequest.of("hpc-1")).join())
        .isEqualTo(streams);

    List<StackEvent> stackEvents =
        client.getAllClusterStackEvents(GetClusterStackEventsRequest.of("hpc-1")).toList();
    assertThat(stackEvents).hasSizeGreaterThan(2);
    assertThat(stackEvents).extracting(StackEvent::eventId).doesNotHaveDuplicates();
    assertThat(async.getAllClusterStackEvents(GetClusterStackEventsRequest.of("hpc-1")).join())
        .isEqualTo(stackEvents);

    String stream = streams.get(0).logStreamName();
    GetClusterLogEventsRequest oneByOne =
        GetClusterLogEventsRequest.of("hpc-1", stream)
            .withQuery(LogEventsQuery.fromHead().withLimit(1));
    List<LogEvent> all =
        client
            .getAllClusterLogEvents(
                GetClusterLogEventsRequest.of("hpc-1", stream).withQuery(LogEventsQuery.fromHead()))
            .toList();
    emulator.requests().clear();
    List<LogEvent> paged = async.getAllClusterLogEvents(oneByOne).join();
    assertThat(paged).hasSizeGreaterThan(1).isEqualTo(all);
    assertThat(emulator.requests().count("GET", "/logstreams/"))
        .as("one page per event, then the page that repeats the token")
        .isEqualTo(paged.size() + 1);
  }

  @Test
  void imagesAndTheirStackEventsArePaged() {
    IntStream.rangeClosed(1, 3)
        .forEach(i -> client.buildImage(BuildImageRequest.of("img-" + i, image())));

    assertThat(
            client
                .listAllImages(ListImagesRequest.of(ImageStatusFilteringOption.PENDING))
                .map(ImageInfoSummary::imageId))
        .containsExactlyInAnyOrder("img-1", "img-2", "img-3");
    assertThat(async.getAllImageStackEvents(GetImageStackEventsRequest.of("img-1")).join())
        .isNotEmpty();
  }
}
