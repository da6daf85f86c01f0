package io.camelpcluster.pipeline;

import io.camelpcluster.pcluster.PclusterConstants;
import io.camelpcluster.pcluster.api.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guaranteed teardown when the application stops: as soon as the CamelContext begins to stop
 * (before its routes wait for their exchanges in flight), deletes the clusters of this pipeline's
 * runs in flight, so their jobs end and their exchanges finish through the route's own teardown;
 * when the service itself stops, waits for those clusters to be gone (at most {@code
 * deleteTimeout}) and marks the runs still RUNNING as ABANDONED ("shutdown"), so that their inputs
 * are processed again, once, after the restart.
 *
 * <p>One per pipeline id and CamelContext, registered by the pipeline template's bean ({@link
 * #register}).
 */
public final class PipelineShutdown extends ServiceSupport {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineShutdown.class);

  private final CamelContext camelContext;
  private final PipelineSettings settings;
  private final PipelineJournal journal;
  private final Map<String, CompletableFuture<Exchange>> deletions = new LinkedHashMap<>();
  private ProducerTemplate template;

  PipelineShutdown(CamelContext camelContext, PipelineSettings settings, PipelineJournal journal) {
    this.camelContext = Objects.requireNonNull(camelContext, "camelContext");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  /**
   * The journal bound under {@code name}; an in-memory one is made and bound when there is none.
   */
  static PipelineJournal journal(CamelContext context, String name) {
    synchronized (context) {
      PipelineJournal journal =
          context.getRegistry().lookupByNameAndType(name, PipelineJournal.class);
      if (journal == null) {
        journal = PipelineJournal.inMemory();
        context.getRegistry().bind(name, PipelineJournal.class, journal);
        LOG.info("No journal bean {}: runs are kept in memory ({})", name, journal);
      }
      return journal;
    }
  }

  /** Registers the shutdown service of a pipeline unless the context has it already. */
  static void register(CamelContext context, PipelineSettings settings, PipelineJournal journal)
      throws Exception {
    String name = "pcluster-pipeline-shutdown-" + settings.pipelineId();
    synchronized (context) {
      if (context.getRegistry().lookupByName(name) != null) {
        return;
      }
      PipelineShutdown shutdown = new PipelineShutdown(context, settings, journal);
      context.getRegistry().bind(name, PipelineShutdown.class, shutdown);
      context.addService(shutdown, true, true);
      context.addLifecycleStrategy(
          new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext stopping) {
              shutdown.deleteClustersInFlight();
            }
          });
    }
  }

  @Override
  protected void doStart() {
    template = camelContext.createProducerTemplate();
  }

  /** Issues the deletion of every cluster of a run in flight (once per cluster). */
  synchronized void deleteClustersInFlight() {
    for (PipelineRun run : runsInFlight()) {
      String cluster = run.clusterName();
      if (cluster == null || deletions.containsKey(cluster) || template == null || deleting(run)) {
        continue;
      }
      LOG.warn("Shutdown: deleting cluster {} of run {} in flight", cluster, run.runId());
      deletions.put(
          cluster,
          template.asyncSend(
              "pcluster:deleteCluster?waitForCompletion=true&waitTimeout="
                  + settings.deleteTimeout(),
              exchange ->
                  exchange.getMessage().setHeader(PclusterConstants.CLUSTER_NAME, cluster)));
    }
  }

  @Override
  protected void doStop() throws Exception {
    deleteClustersInFlight();
    long deadline = System.nanoTime() + settings.deleteTimeout().toNanos();
    List<String> left = new ArrayList<>();
    synchronized (this) {
      for (Map.Entry<String, CompletableFuture<Exchange>> deletion : deletions.entrySet()) {
        if (!awaitDeletion(deletion.getKey(), deletion.getValue(), deadline)) {
          left.add(deletion.getKey());
        }
      }
      deletions.clear();
    }
    for (PipelineRun run : runsInFlight()) {
      journal.abandon(run.runId(), "shutdown: the application stopped during the run", null);
      LOG.warn(
          "Shutdown: run {} marked ABANDONED; its input runs again after the restart", run.runId());
    }
    if (!left.isEmpty()) {
      LOG.error(
          "Shutdown: clusters {} may still exist; the reaper deletes them after the restart", left);
    }
    if (template != null) {
      template.stop();
    }
  }

  private boolean awaitDeletion(String cluster, CompletableFuture<Exchange> deletion, long deadline)
      throws InterruptedException {
    try {
      Exchange done = deletion.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      Exception error = done.getException();
      if (error == null || error instanceof NotFoundException) {
        LOG.info("Shutdown: cluster {} is gone", cluster);
        return true;
      }
      LOG.error("Shutdown: cluster {} could not be deleted: {}", cluster, error.getMessage());
      return false;
    } catch (TimeoutException e) {
      LOG.error("Shutdown: cluster {} not gone within {}", cluster, settings.deleteTimeout());
      return false;
    } catch (ExecutionException e) {
      LOG.error(
          "Shutdown: cluster {} could not be deleted: {}", cluster, e.getCause().getMessage());
      return false;
    }
  }

  /** Whether the run's own teardown is deleting its cluster already. */
  private static boolean deleting(PipelineRun run) {
    return run.step("delete").map(step -> step.ended() == null).orElse(false);
  }

  private List<PipelineRun> runsInFlight() {
    return journal.inFlight().stream()
        .filter(run -> run.pipelineId().equals(settings.pipelineId()))
        .toList();
  }
}
