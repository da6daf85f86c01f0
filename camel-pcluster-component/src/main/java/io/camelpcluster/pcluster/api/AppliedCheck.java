package io.camelpcluster.pcluster.api;

import io.camelpcluster.pcluster.api.model.BuildImageResponse;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.CreateClusterResponse;
import io.camelpcluster.pcluster.api.model.DescribeClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import io.camelpcluster.pcluster.api.model.DescribeImageRequest;
import io.camelpcluster.pcluster.api.model.DescribeImageResponse;
import io.camelpcluster.pcluster.api.model.ImageBuildStatus;
import io.camelpcluster.pcluster.api.model.UpdateClusterResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How to tell whether a Create/UpdateCluster or BuildImage whose answer was lost took effect: a
 * probe that describes the resource (empty when it shows no trace of the request) and the error a
 * repeated request gets when the first one did take effect.
 *
 * @param probe looks for the resource; {@code notBefore} is the earliest time the request can have
 *     acted, clock tolerance included
 * @param repeatedAnswer recognises the error of a request repeated after success
 */
record AppliedCheck<R>(
    Function<Instant, CompletableFuture<Optional<R>>> probe,
    Predicate<ParallelClusterServiceException> repeatedAnswer) {

  private static final Set<ClusterStatus> CREATED =
      EnumSet.of(
          ClusterStatus.CREATE_IN_PROGRESS,
          ClusterStatus.CREATE_COMPLETE,
          ClusterStatus.CREATE_FAILED);
  private static final Set<ClusterStatus> UPDATED =
      EnumSet.of(
          ClusterStatus.UPDATE_IN_PROGRESS,
          ClusterStatus.UPDATE_COMPLETE,
          ClusterStatus.UPDATE_FAILED);
  private static final Set<ImageBuildStatus> BUILT =
      EnumSet.of(
          ImageBuildStatus.BUILD_IN_PROGRESS,
          ImageBuildStatus.BUILD_COMPLETE,
          ImageBuildStatus.BUILD_FAILED);

  /** CreateCluster took effect if the cluster is being (or was just) created. */
  static AppliedCheck<CreateClusterResponse> clusterCreated(
      Function<DescribeClusterRequest, CompletableFuture<DescribeClusterResponse>> describe,
      DescribeClusterRequest request) {
    return new AppliedCheck<>(
        notBefore ->
            absentIfNotFound(describe.apply(request))
                .thenApply(
                    found ->
                        found
                            .filter(d -> CREATED.contains(d.clusterStatus()))
                            .filter(d -> notEarlier(d.creationTime(), notBefore))
                            .map(d -> new CreateClusterResponse(d.toSummary(), List.of()))),
        e -> e instanceof BadRequestException && mentions(e, "already exists"));
  }

  /** UpdateCluster took effect if the cluster is being (or was just) updated. */
  static AppliedCheck<UpdateClusterResponse> clusterUpdated(
      Function<DescribeClusterRequest, CompletableFuture<DescribeClusterResponse>> describe,
      DescribeClusterRequest request) {
    return new AppliedCheck<>(
        notBefore ->
            absentIfNotFound(describe.apply(request))
                .thenApply(
                    found ->
                        found
                            .filter(d -> UPDATED.contains(d.clusterStatus()))
                            .filter(d -> notEarlier(d.lastUpdatedTime(), notBefore))
                            .map(
                                d ->
                                    new UpdateClusterResponse(
                                        d.toSummary(), List.of(), List.of()))),
        e ->
            e instanceof ConflictException
                || (e instanceof BadRequestException && mentions(e, "No changes found")));
  }

  /** BuildImage took effect if the image is being (or was just) built. */
  static AppliedCheck<BuildImageResponse> imageBuilt(
      Function<DescribeImageRequest, CompletableFuture<DescribeImageResponse>> describe,
      DescribeImageRequest request) {
    return new AppliedCheck<>(
        notBefore ->
            absentIfNotFound(describe.apply(request))
                .thenApply(
                    found ->
                        found
                            .filter(d -> BUILT.contains(d.imageBuildStatus()))
                            .filter(
                                d ->
                                    notEarlier(
                                        d.cloudformationStackCreationTime() != null
                                            ? d.cloudformationStackCreationTime()
                                            : d.creationTime(),
                                        notBefore))
                            .map(d -> new BuildImageResponse(d.toSummary(), List.of()))),
        e -> e instanceof ConflictException && mentions(e, "already exists"));
  }

  private static <T> CompletableFuture<Optional<T>> absentIfNotFound(CompletableFuture<T> call) {
    return call.handle(
        (value, failure) -> {
          if (failure == null) {
            return Optional.of(value);
          }
          if (Failures.unwrap(failure) instanceof NotFoundException) {
            return Optional.empty();
          }
          throw Failures.asCompletionException(failure);
        });
  }

  private static boolean notEarlier(Instant time, Instant notBefore) {
    return time == null || !time.isBefore(notBefore);
  }

  private static boolean mentions(ParallelClusterServiceException e, String text) {
    return e.serviceMessage() != null && e.serviceMessage().contains(text);
  }
}
