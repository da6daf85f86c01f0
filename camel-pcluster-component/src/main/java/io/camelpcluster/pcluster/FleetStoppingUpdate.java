package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.BadRequestException;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.RequestedComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.UpdateClusterRequest;
import io.camelpcluster.pcluster.api.model.UpdateClusterResponse;
import io.camelpcluster.pcluster.api.model.UpdateComputeFleetRequest;
import io.camelpcluster.pcluster.api.model.UpdateError;
import io.camelpcluster.pcluster.wait.ClusterTarget;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * updateCluster with {@code stopComputeFleetForUpdate=true}. The update is sent; when the service
 * refuses it only because the compute fleet must be stopped first, the fleet is stopped (awaiting
 * STOPPED), the update sent again and awaited (UPDATE_COMPLETE), and the fleet started again
 * (awaiting RUNNING). Once a stop was requested the fleet is started again even when a later step
 * fails; that failure is then the exchange's, with any restart failure suppressed in it. Each step
 * is logged at INFO with the time elapsed.
 */
final class FleetStoppingUpdate {
  private static final Logger LOG = LoggerFactory.getLogger(FleetStoppingUpdate.class);

  /** The update-policy messages that a stopped fleet resolves. */
  private static final Pattern FLEET_MUST_STOP =
      Pattern.compile(
          "compute nodes must be stopped|stop the compute fleet", Pattern.CASE_INSENSITIVE);

  /**
   * What the update did.
   *
   * @param response the accepted update
   * @param fleetRestarted whether the fleet was stopped and started again
   * @param updated the cluster once updated (only with {@code fleetRestarted})
   * @param fleetStatus the fleet status once started again (only with {@code fleetRestarted})
   */
  record Outcome(
      UpdateClusterResponse response,
      boolean fleetRestarted,
      ClusterInfoSummary updated,
      ComputeFleetStatus fleetStatus) {

    /** An update accepted without stopping the fleet. */
    static Outcome direct(UpdateClusterResponse response) {
      return new Outcome(response, false, null, null);
    }
  }

  private record Updated(UpdateClusterResponse response, ClusterInfoSummary cluster) {}

  private final OperationCall call;
  private final UpdateClusterRequest request;
  private final long startedNanos = System.nanoTime();

  FleetStoppingUpdate(OperationCall call, UpdateClusterRequest request) {
    this.call = call;
    this.request = request;
  }

  CompletableFuture<Outcome> run() {
    return call.client()
        .updateCluster(request)
        .thenApply(Outcome::direct)
        .exceptionallyCompose(
            failure -> {
              Throwable cause = Completions.unwrap(failure);
              if (cause instanceof BadRequestException refused && needsStoppedFleet(refused)) {
                return stopUpdateStart(refused.updateValidationErrors());
              }
              return CompletableFuture.failedFuture(cause);
            });
  }

  /** Whether every update-policy error of a refused update asks for a stopped fleet. */
  static boolean needsStoppedFleet(BadRequestException refused) {
    List<UpdateError> errors = refused.updateValidationErrors();
    return !errors.isEmpty()
        && errors.stream()
            .allMatch(
                error ->
                    error.message() != null && FLEET_MUST_STOP.matcher(error.message()).find());
  }

  private CompletableFuture<Outcome> stopUpdateStart(List<UpdateError> errors) {
    String name = request.clusterName();
    LOG.info(
        "Cluster {}: the update needs a stopped compute fleet ({} change(s) refused: {}); stopping"
            + " the fleet",
        name,
        errors.size(),
        errors.stream().map(UpdateError::parameter).toList());
    return setFleet(RequestedComputeFleetStatus.STOP_REQUESTED)
        .thenCompose(
            stopRequested ->
                awaitFleet(ComputeFleetStatus.STOPPED)
                    .thenCompose(stopped -> updateAndAwait())
                    .handle(Attempt::new)
                    .thenCompose(this::startAgain));
  }

  private CompletableFuture<Updated> updateAndAwait() {
    LOG.info(
        "Cluster {}: compute fleet STOPPED after {}; updating", request.clusterName(), elapsed());
    return call.client()
        .updateCluster(request)
        .thenCompose(
            response ->
                call.waits()
                    .cluster(request.region(), request.clusterName(), ClusterTarget.updated())
                    .thenApply(
                        cluster -> {
                          LOG.info(
                              "Cluster {}: UPDATE_COMPLETE after {}; starting the compute fleet",
                              request.clusterName(),
                              elapsed());
                          return new Updated(response, cluster);
                        }));
  }

  private record Attempt(Updated updated, Throwable failure) {}

  private CompletableFuture<Outcome> startAgain(Attempt attempt) {
    if (attempt.failure() != null) {
      LOG.warn(
          "Cluster {}: the update failed after {} ({}); starting the compute fleet again",
          request.clusterName(),
          elapsed(),
          Completions.unwrap(attempt.failure()).getMessage());
    }
    return setFleet(RequestedComputeFleetStatus.START_REQUESTED)
        .thenCompose(started -> awaitFleet(ComputeFleetStatus.RUNNING))
        .handle(
            (status, startFailure) -> {
              if (attempt.failure() != null) {
                Throwable failure = Completions.unwrap(attempt.failure());
                if (startFailure != null) {
                  failure.addSuppressed(Completions.unwrap(startFailure));
                }
                throw new CompletionException(failure);
              }
              if (startFailure != null) {
                throw new CompletionException(Completions.unwrap(startFailure));
              }
              LOG.info(
                  "Cluster {}: updated with the compute fleet stopped; fleet RUNNING again after {}",
                  request.clusterName(),
                  elapsed());
              return new Outcome(
                  attempt.updated().response(), true, attempt.updated().cluster(), status);
            });
  }

  private CompletableFuture<?> setFleet(RequestedComputeFleetStatus status) {
    return call.client()
        .updateComputeFleet(
            new UpdateComputeFleetRequest(request.clusterName(), status, request.region()));
  }

  private CompletableFuture<ComputeFleetStatus> awaitFleet(ComputeFleetStatus status) {
    return call.waits().computeFleet(request.region(), request.clusterName(), status);
  }

  private String elapsed() {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
    return elapsed.toSeconds() + "." + elapsed.toMillisPart() / 100 + " s";
  }
}
