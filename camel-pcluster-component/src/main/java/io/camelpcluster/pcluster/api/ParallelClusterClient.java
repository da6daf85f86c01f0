package io.camelpcluster.pcluster.api;

import io.camelpcluster.pcluster.api.model.BuildImageRequest;
import io.camelpcluster.pcluster.api.model.BuildImageResponse;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterInstance;
import io.camelpcluster.pcluster.api.model.ComputeFleetResponse;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.CreateClusterResponse;
import io.camelpcluster.pcluster.api.model.DeleteClusterInstancesRequest;
import io.camelpcluster.pcluster.api.model.DeleteClusterRequest;
import io.camelpcluster.pcluster.api.model.DeleteClusterResponse;
import io.camelpcluster.pcluster.api.model.DeleteImageRequest;
import io.camelpcluster.pcluster.api.model.DeleteImageResponse;
import io.camelpcluster.pcluster.api.model.DescribeClusterInstancesRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterInstancesResponse;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import io.camelpcluster.pcluster.api.model.DescribeComputeFleetRequest;
import io.camelpcluster.pcluster.api.model.DescribeImageRequest;
import io.camelpcluster.pcluster.api.model.DescribeImageResponse;
import io.camelpcluster.pcluster.api.model.DryRunResult;
import io.camelpcluster.pcluster.api.model.GetClusterLogEventsRequest;
import io.camelpcluster.pcluster.api.model.GetClusterStackEventsRequest;
import io.camelpcluster.pcluster.api.model.GetImageLogEventsRequest;
import io.camelpcluster.pcluster.api.model.GetImageStackEventsRequest;
import io.camelpcluster.pcluster.api.model.ImageInfoSummary;
import io.camelpcluster.pcluster.api.model.ListClusterLogStreamsRequest;
import io.camelpcluster.pcluster.api.model.ListClustersRequest;
import io.camelpcluster.pcluster.api.model.ListClustersResponse;
import io.camelpcluster.pcluster.api.model.ListImageLogStreamsRequest;
import io.camelpcluster.pcluster.api.model.ListImagesRequest;
import io.camelpcluster.pcluster.api.model.ListImagesResponse;
import io.camelpcluster.pcluster.api.model.ListOfficialImagesRequest;
import io.camelpcluster.pcluster.api.model.ListOfficialImagesResponse;
import io.camelpcluster.pcluster.api.model.LogEvent;
import io.camelpcluster.pcluster.api.model.LogEventsResponse;
import io.camelpcluster.pcluster.api.model.LogStream;
import io.camelpcluster.pcluster.api.model.LogStreamsResponse;
import io.camelpcluster.pcluster.api.model.StackEvent;
import io.camelpcluster.pcluster.api.model.StackEventsResponse;
import io.camelpcluster.pcluster.api.model.UpdateClusterRequest;
import io.camelpcluster.pcluster.api.model.UpdateClusterResponse;
import io.camelpcluster.pcluster.api.model.UpdateComputeFleetRequest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Blocking client of the AWS ParallelCluster API v3: each method waits for the {@link
 * ParallelClusterAsyncClient} call and throws its {@link ParallelClusterException} directly. The
 * {@code *All*} methods return lazy streams that fetch a page when the previous one is used up.
 */
public final class ParallelClusterClient implements AutoCloseable {
  private final ParallelClusterAsyncClient async;

  private ParallelClusterClient(ParallelClusterAsyncClient async) {
    this.async = Objects.requireNonNull(async, "async");
  }

  /** Starts configuring a client. */
  public static ParallelClusterClientBuilder builder() {
    return new ParallelClusterClientBuilder();
  }

  /** A blocking view of {@code async}; closing it closes {@code async}. */
  public static ParallelClusterClient wrap(ParallelClusterAsyncClient async) {
    return new ParallelClusterClient(async);
  }

  /** The asynchronous client behind this one. */
  public ParallelClusterAsyncClient async() {
    return async;
  }

  public ListClustersResponse listClusters(ListClustersRequest request) {
    return await(async.listClusters(request));
  }

  public Stream<ClusterInfoSummary> listAllClusters(ListClustersRequest request) {
    return Paginator.stream(request, r -> await(async.listClusters(r)));
  }

  public CreateClusterResponse createCluster(CreateClusterRequest request) {
    return await(async.createCluster(request));
  }

  public DryRunResult createClusterDryRun(CreateClusterRequest request) {
    return await(async.createClusterDryRun(request));
  }

  public DescribeClusterResponse describeCluster(DescribeClusterRequest request) {
    return await(async.describeCluster(request));
  }

  public UpdateClusterResponse updateCluster(UpdateClusterRequest request) {
    return await(async.updateCluster(request));
  }

  public DryRunResult updateClusterDryRun(UpdateClusterRequest request) {
    return await(async.updateClusterDryRun(request));
  }

  public DeleteClusterResponse deleteCluster(DeleteClusterRequest request) {
    return await(async.deleteCluster(request));
  }

  public ComputeFleetResponse describeComputeFleet(DescribeComputeFleetRequest request) {
    return await(async.describeComputeFleet(request));
  }

  public ComputeFleetResponse updateComputeFleet(UpdateComputeFleetRequest request) {
    return await(async.updateComputeFleet(request));
  }

  public DescribeClusterInstancesResponse describeClusterInstances(
      DescribeClusterInstancesRequest request) {
    return await(async.describeClusterInstances(request));
  }

  public Stream<ClusterInstance> describeAllClusterInstances(
      DescribeClusterInstancesRequest request) {
    return Paginator.stream(request, r -> await(async.describeClusterInstances(r)));
  }

  public void deleteClusterInstances(DeleteClusterInstancesRequest request) {
    await(async.deleteClusterInstances(request));
  }

  public LogStreamsResponse listClusterLogStreams(ListClusterLogStreamsRequest request) {
    return await(async.listClusterLogStreams(request));
  }

  public Stream<LogStream> listAllClusterLogStreams(ListClusterLogStreamsRequest request) {
    return Paginator.stream(request, r -> await(async.listClusterLogStreams(r)));
  }

  public LogEventsResponse getClusterLogEvents(GetClusterLogEventsRequest request) {
    return await(async.getClusterLogEvents(request));
  }

  public Stream<LogEvent> getAllClusterLogEvents(GetClusterLogEventsRequest request) {
    return Paginator.stream(request, r -> await(async.getClusterLogEvents(r)));
  }

  public StackEventsResponse getClusterStackEvents(GetClusterStackEventsRequest request) {
    return await(async.getClusterStackEvents(request));
  }

  public Stream<StackEvent> getAllClusterStackEvents(GetClusterStackEventsRequest request) {
    return Paginator.stream(request, r -> await(async.getClusterStackEvents(r)));
  }

  public ListImagesResponse listImages(ListImagesRequest request) {
    return await(async.listImages(request));
  }

  public Stream<ImageInfoSummary> listAllImages(ListImagesRequest request) {
    return Paginator.stream(request, r -> await(async.listImages(r)));
  }

  public BuildImageResponse buildImage(BuildImageRequest request) {
    return await(async.buildImage(request));
  }

  public DryRunResult buildImageDryRun(BuildImageRequest request) {
    return await(async.buildImageDryRun(request));
  }

  public DescribeImageResponse describeImage(DescribeImageRequest request) {
    return await(async.describeImage(request));
  }

  public DeleteImageResponse deleteImage(DeleteImageRequest request) {
    return await(async.deleteImage(request));
  }

  public ListOfficialImagesResponse listOfficialImages(ListOfficialImagesRequest request) {
    return await(async.listOfficialImages(request));
  }

  public LogStreamsResponse listImageLogStreams(ListImageLogStreamsRequest request) {
    return await(async.listImageLogStreams(request));
  }

  public Stream<LogStream> listAllImageLogStreams(ListImageLogStreamsRequest request) {
    return Paginator.stream(request, r -> await(async.listImageLogStreams(r)));
  }

  public LogEventsResponse getImageLogEvents(GetImageLogEventsRequest request) {
    return await(async.getImageLogEvents(request));
  }

  public Stream<LogEvent> getAllImageLogEvents(GetImageLogEventsRequest request) {
    return Paginator.stream(request, r -> await(async.getImageLogEvents(r)));
  }

  public StackEventsResponse getImageStackEvents(GetImageStackEventsRequest request) {
    return await(async.getImageStackEvents(request));
  }

  public Stream<StackEvent> getAllImageStackEvents(GetImageStackEventsRequest request) {
    return Paginator.stream(request, r -> await(async.getImageStackEvents(r)));
  }

  @Override
  public void close() {
    async.close();
  }

  /**
   * Waits for a call; rethrows its {@link ParallelClusterException}. An interrupt abandons the wait
   * (the call may still complete) and keeps the thread's interrupt flag.
   */
  static <T> T await(CompletableFuture<T> call) {
    try {
      return call.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ParallelClusterException(null, "interrupted while waiting for the API", e);
    } catch (ExecutionException e) {
      Throwable cause = Failures.unwrap(e);
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new ParallelClusterException(null, cause.toString(), cause);
    }
  }
}
