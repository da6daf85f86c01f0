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
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous client of the AWS ParallelCluster API v3: the 20 operations, dry runs and
 * page-walking helpers. Calls are signed with SigV4, validated before sending, retried with backoff
 * on throttling, gateway errors and connection failures, and never park a thread.
 *
 * <p>Every future fails with a {@link ParallelClusterException}: {@link ClientValidationException}
 * before sending, a {@link ParallelClusterServiceException} subclass for an error answer, {@link
 * ParallelClusterConnectionException} without an answer. Create a client with {@link #builder()};
 * it is thread-safe and should be shared and closed.
 */
public final class ParallelClusterAsyncClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ParallelClusterAsyncClient.class);

  private final ClientConfig config;
  private final Retrier retrier;
  private final MaybeAppliedRecovery recovery;
  private final List<AutoCloseable> owned;
  private final AtomicBoolean closed = new AtomicBoolean();

  ParallelClusterAsyncClient(ClientConfig config, List<AutoCloseable> owned) {
    this.config = config;
    this.retrier =
        new Retrier(
            new Transport(config), config.retryPolicy(), config.scheduler(), config.clock());
    this.recovery =
        new MaybeAppliedRecovery(retrier, config.maybeCreatedProbeDelay(), config.clock());
    this.owned = List.copyOf(owned);
  }

  /** Starts configuring a client. */
  public static ParallelClusterClientBuilder builder() {
    return new ParallelClusterClientBuilder();
  }

  // ---- Cluster Operations

  /** ListClusters: one page of the clusters (a page may be empty and still have a next one). */
  public CompletableFuture<ListClustersResponse> listClusters(ListClustersRequest request) {
    return send(
        ClusterCalls.LIST_CLUSTERS,
        request,
        ClusterCalls::listClusters,
        ListClustersResponse.class);
  }

  /** Every cluster, walking the pages of ListClusters one after the other. */
  public CompletableFuture<List<ClusterInfoSummary>> listAllClusters(ListClustersRequest request) {
    return Paginator.collectAll(request, this::listClusters);
  }

  /**
   * CreateCluster (never a dry run). If the answer is lost (504, 502/503 or a broken connection),
   * the cluster is described: a cluster being created since this call is the answer; otherwise the
   * request is sent again.
   */
  public CompletableFuture<CreateClusterResponse> createCluster(CreateClusterRequest request) {
    return prepare(ClusterCalls.CREATE_CLUSTER, request, r -> ClusterCalls.createCluster(r, false))
        .thenCompose(
            call ->
                recovery.execute(
                    call,
                    CreateClusterResponse.class,
                    AppliedCheck.clusterCreated(
                        this::describeCluster,
                        new DescribeClusterRequest(request.clusterName(), request.region()))));
  }

  /** CreateCluster with {@code dryrun=true}: validates everything, creates nothing. */
  public CompletableFuture<DryRunResult> createClusterDryRun(CreateClusterRequest request) {
    return dryRun(ClusterCalls.CREATE_CLUSTER, request, r -> ClusterCalls.createCluster(r, true));
  }

  /** DescribeCluster; fails with {@link NotFoundException} for an unknown or deleted cluster. */
  public CompletableFuture<DescribeClusterResponse> describeCluster(
      DescribeClusterRequest request) {
    return send(
        ClusterCalls.DESCRIBE_CLUSTER,
        request,
        ClusterCalls::describeCluster,
        DescribeClusterResponse.class);
  }

  /**
   * UpdateCluster (never a dry run). If the answer is lost, the cluster is described: an update
   * started since this call is the answer (with an empty change set); otherwise the request is sent
   * again.
   */
  public CompletableFuture<UpdateClusterResponse> updateCluster(UpdateClusterRequest request) {
    return prepare(ClusterCalls.UPDATE_CLUSTER, request, r -> ClusterCalls.updateCluster(r, false))
        .thenCompose(
            call ->
                recovery.execute(
                    call,
                    UpdateClusterResponse.class,
                    AppliedCheck.clusterUpdated(
                        this::describeCluster,
                        new DescribeClusterRequest(request.clusterName(), request.region()))));
  }

  /** UpdateCluster with {@code dryrun=true}: the change set and findings, nothing changed. */
  public CompletableFuture<DryRunResult> updateClusterDryRun(UpdateClusterRequest request) {
    return dryRun(ClusterCalls.UPDATE_CLUSTER, request, r -> ClusterCalls.updateCluster(r, true));
  }

  /**
   * DeleteCluster. Repeated after a lost answer like any idempotent call; should the deletion
   * finish in between, the repeat fails with {@link NotFoundException}.
   */
  public CompletableFuture<DeleteClusterResponse> deleteCluster(DeleteClusterRequest request) {
    return send(
        ClusterCalls.DELETE_CLUSTER,
        request,
        ClusterCalls::deleteCluster,
        DeleteClusterResponse.class);
  }

  // ---- Cluster ComputeFleet

  /** DescribeComputeFleet. */
  public CompletableFuture<ComputeFleetResponse> describeComputeFleet(
      DescribeComputeFleetRequest request) {
    return send(
        ClusterCalls.DESCRIBE_COMPUTE_FLEET,
        request,
        ClusterCalls::describeComputeFleet,
        ComputeFleetResponse.class);
  }

  /**
   * UpdateComputeFleet. Any 2xx is success: with a body (the service's 200) it is the answer;
   * without one (the specification's 204) the fleet is described.
   */
  public CompletableFuture<ComputeFleetResponse> updateComputeFleet(
      UpdateComputeFleetRequest request) {
    String operation = ClusterCalls.UPDATE_COMPUTE_FLEET;
    return prepare(operation, request, ClusterCalls::updateComputeFleet)
        .thenCompose(retrier::execute)
        .thenCompose(
            result ->
                result.isSuccess() && !result.hasBody()
                    ? describeComputeFleet(
                        new DescribeComputeFleetRequest(request.clusterName(), request.region()))
                    : CompletableFuture.completedFuture(
                        Responses.read(operation, result, ComputeFleetResponse.class)));
  }

  // ---- Cluster Instances

  /** DescribeClusterInstances: one page (an unknown cluster has no instances, not a 404). */
  public CompletableFuture<DescribeClusterInstancesResponse> describeClusterInstances(
      DescribeClusterInstancesRequest request) {
    return send(
        ClusterCalls.DESCRIBE_CLUSTER_INSTANCES,
        request,
        ClusterCalls::describeClusterInstances,
        DescribeClusterInstancesResponse.class);
  }

  /** Every instance, walking the pages of DescribeClusterInstances. */
  public CompletableFuture<List<ClusterInstance>> describeAllClusterInstances(
      DescribeClusterInstancesRequest request) {
    return Paginator.collectAll(request, this::describeClusterInstances);
  }

  /** DeleteClusterInstances: terminates the compute nodes (202 without a body). */
  public CompletableFuture<Void> deleteClusterInstances(DeleteClusterInstancesRequest request) {
    String operation = ClusterCalls.DELETE_CLUSTER_INSTANCES;
    return prepare(operation, request, ClusterCalls::deleteClusterInstances)
        .thenCompose(retrier::execute)
        .thenApply(
            result -> {
              if (!result.isSuccess()) {
                throw ErrorMapper.toException(operation, result);
              }
              return null;
            });
  }

  // ---- Cluster Logs

  /** ListClusterLogStreams: one page. */
  public CompletableFuture<LogStreamsResponse> listClusterLogStreams(
      ListClusterLogStreamsRequest request) {
    return send(
        ClusterCalls.LIST_CLUSTER_LOG_STREAMS,
        request,
        ClusterCalls::listClusterLogStreams,
        LogStreamsResponse.class);
  }

  /** Every log stream of a cluster, walking the pages. */
  public CompletableFuture<List<LogStream>> listAllClusterLogStreams(
      ListClusterLogStreamsRequest request) {
    return Paginator.collectAll(request, this::listClusterLogStreams);
  }

  /** GetClusterLogEvents: one page. */
  public CompletableFuture<LogEventsResponse> getClusterLogEvents(
      GetClusterLogEventsRequest request) {
    return send(
        ClusterCalls.GET_CLUSTER_LOG_EVENTS,
        request,
        ClusterCalls::getClusterLogEvents,
        LogEventsResponse.class);
  }

  /**
   * The events of a log stream, following {@code nextToken} until it repeats. Use {@code
   * LogEventsQuery.fromHead()} to read the whole stream from its start.
   */
  public CompletableFuture<List<LogEvent>> getAllClusterLogEvents(
      GetClusterLogEventsRequest request) {
    return Paginator.collectAll(request, this::getClusterLogEvents);
  }

  /** GetClusterStackEvents: one page, newest first. */
  public CompletableFuture<StackEventsResponse> getClusterStackEvents(
      GetClusterStackEventsRequest request) {
    return send(
        ClusterCalls.GET_CLUSTER_STACK_EVENTS,
        request,
        ClusterCalls::getClusterStackEvents,
        StackEventsResponse.class);
  }

  /** Every stack event of a cluster, newest first, walking the pages. */
  public CompletableFuture<List<StackEvent>> getAllClusterStackEvents(
      GetClusterStackEventsRequest request) {
    return Paginator.collectAll(request, this::getClusterStackEvents);
  }

  // ---- Image Operations

  /** ListImages: one page (AVAILABLE is never paginated). */
  public CompletableFuture<ListImagesResponse> listImages(ListImagesRequest request) {
    return send(ImageCalls.LIST_IMAGES, request, ImageCalls::listImages, ListImagesResponse.class);
  }

  /** Every image of a status, walking the pages. */
  public CompletableFuture<List<ImageInfoSummary>> listAllImages(ListImagesRequest request) {
    return Paginator.collectAll(request, this::listImages);
  }

  /**
   * BuildImage (never a dry run). If the answer is lost, the image is described: a build started
   * since this call is the answer; otherwise the request is sent again.
   */
  public CompletableFuture<BuildImageResponse> buildImage(BuildImageRequest request) {
    return prepare(ImageCalls.BUILD_IMAGE, request, r -> ImageCalls.buildImage(r, false))
        .thenCompose(
            call ->
                recovery.execute(
                    call,
                    BuildImageResponse.class,
                    AppliedCheck.imageBuilt(
                        this::describeImage,
                        new DescribeImageRequest(request.imageId(), request.region()))));
  }

  /** BuildImage with {@code dryrun=true}: validates everything, builds nothing. */
  public CompletableFuture<DryRunResult> buildImageDryRun(BuildImageRequest request) {
    return dryRun(ImageCalls.BUILD_IMAGE, request, r -> ImageCalls.buildImage(r, true));
  }

  /** DescribeImage. */
  public CompletableFuture<DescribeImageResponse> describeImage(DescribeImageRequest request) {
    return send(
        ImageCalls.DESCRIBE_IMAGE, request, ImageCalls::describeImage, DescribeImageResponse.class);
  }

  /** DeleteImage. */
  public CompletableFuture<DeleteImageResponse> deleteImage(DeleteImageRequest request) {
    return send(
        ImageCalls.DELETE_IMAGE, request, ImageCalls::deleteImage, DeleteImageResponse.class);
  }

  /** ListOfficialImages (not paginated). */
  public CompletableFuture<ListOfficialImagesResponse> listOfficialImages(
      ListOfficialImagesRequest request) {
    return send(
        ImageCalls.LIST_OFFICIAL_IMAGES,
        request,
        ImageCalls::listOfficialImages,
        ListOfficialImagesResponse.class);
  }

  // ---- Image Logs

  /** ListImageLogStreams: one page. */
  public CompletableFuture<LogStreamsResponse> listImageLogStreams(
      ListImageLogStreamsRequest request) {
    return send(
        ImageCalls.LIST_IMAGE_LOG_STREAMS,
        request,
        ImageCalls::listImageLogStreams,
        LogStreamsResponse.class);
  }

  /** Every log stream of an image build, walking the pages. */
  public CompletableFuture<List<LogStream>> listAllImageLogStreams(
      ListImageLogStreamsRequest request) {
    return Paginator.collectAll(request, this::listImageLogStreams);
  }

  /** GetImageLogEvents: one page. */
  public CompletableFuture<LogEventsResponse> getImageLogEvents(GetImageLogEventsRequest request) {
    return send(
        ImageCalls.GET_IMAGE_LOG_EVENTS,
        request,
        ImageCalls::getImageLogEvents,
        LogEventsResponse.class);
  }

  /** The events of an image log stream, following {@code nextToken} until it repeats. */
  public CompletableFuture<List<LogEvent>> getAllImageLogEvents(GetImageLogEventsRequest request) {
    return Paginator.collectAll(request, this::getImageLogEvents);
  }

  /** GetImageStackEvents: one page, newest first. */
  public CompletableFuture<StackEventsResponse> getImageStackEvents(
      GetImageStackEventsRequest request) {
    return send(
        ImageCalls.GET_IMAGE_STACK_EVENTS,
        request,
        ImageCalls::getImageStackEvents,
        StackEventsResponse.class);
  }

  /** Every stack event of an image build, newest first, walking the pages. */
  public CompletableFuture<List<StackEvent>> getAllImageStackEvents(
      GetImageStackEventsRequest request) {
    return Paginator.collectAll(request, this::getImageStackEvents);
  }

  /**
   * Closes the client: calls waiting to retry fail, the owned scheduler and default credentials
   * chain are released. Calls already sent complete normally.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    retrier.close();
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("Could not release {} of the ParallelCluster client", resource, e);
      }
    }
  }

  /** The endpoint this client calls. */
  public URI endpoint() {
    return config.endpoint();
  }

  private <Q, T> CompletableFuture<T> send(
      String operation, Q request, Function<Q, HttpCall> encode, Class<T> type) {
    return prepare(operation, request, encode)
        .thenCompose(retrier::execute)
        .thenApply(result -> Responses.read(operation, result, type));
  }

  private <Q> CompletableFuture<DryRunResult> dryRun(
      String operation, Q request, Function<Q, HttpCall> encode) {
    return prepare(operation, request, encode)
        .thenCompose(retrier::execute)
        .thenApply(result -> Responses.readDryRun(operation, result));
  }

  /**
   * Validates and encodes a request; a failed future when the client is closed or it is invalid.
   */
  private <Q> CompletableFuture<HttpCall> prepare(
      String operation, Q request, Function<Q, HttpCall> encode) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(
          new ParallelClusterException(operation, operation + ": the client is closed", null));
    }
    if (request == null) {
      return CompletableFuture.failedFuture(
          new ClientValidationException(operation, List.of("the request is required"), null));
    }
    try {
      return CompletableFuture.completedFuture(encode.apply(request));
    } catch (ParallelClusterException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
