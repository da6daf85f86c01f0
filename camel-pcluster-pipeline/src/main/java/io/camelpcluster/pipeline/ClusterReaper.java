package io.camelpcluster.pipeline;

import io.camelpcluster.pcluster.PclusterConstants;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ClusterStatus;
import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of the route template {@code pcluster-cluster-reaper}, which lists the clusters
 * every {@code reaperInterval} and deletes those this pipeline left behind. A cluster is deleted
 * when it carries the tag {@code camel-pcluster:pipeline} with this pipeline's id and:
 *
 * <ul>
 *   <li>its {@code camel-pcluster:expires} instant has passed (or the tag is unreadable), or
 *   <li>its {@code camel-pcluster:instance} is not this process's (the process that made it is
 *       gone: a pipeline id has one running instance at a time), or
 *   <li>its run is unknown to this instance's journal, or SUCCEEDED (its teardown failed).
 * </ul>
 *
 * <p>Never deleted: clusters without this pipeline's tag, clusters of a run in flight in this
 * process (their route deletes them), clusters already in DELETE_IN_PROGRESS, and clusters of
 * FAILED runs of this process before they expire (kept by {@code keepOnFailure}, or whose deletion
 * failed: the expiry bounds both).
 */
public final class ClusterReaper implements CamelContextAware {

  /** Exchange property: true when the listed cluster is worth a DescribeCluster. */
  public static final String CANDIDATE = "CamelPclusterReaperCandidate";

  /** Exchange property: why the cluster is to be deleted; absent when it is kept. */
  public static final String REASON = "CamelPclusterReaperReason";

  private static final Logger LOG = LoggerFactory.getLogger(ClusterReaper.class);

  private final Clock clock;
  private CamelContext camelContext;
  private String pipelineId;
  private String journalName;
  private PipelineJournal journal;

  public ClusterReaper() {
    this(Clock.systemUTC());
  }

  ClusterReaper(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CamelContext getCamelContext() {
    return camelContext;
  }

  @Override
  public void setCamelContext(CamelContext camelContext) {
    this.camelContext = camelContext;
  }

  public void setPipelineId(String pipelineId) {
    this.pipelineId = pipelineId;
  }

  /** The registry name of the pipeline's journal. */
  public void setJournal(String journalName) {
    this.journalName = journalName;
  }

  /** Checks the settings and finds the journal. */
  public void init() {
    if (pipelineId == null || !pipelineId.matches("[a-z0-9-]{1,32}")) {
      throw new IllegalArgumentException(
          "pipelineId must be 1 to 32 lower-case letters, digits and '-'");
    }
    journal =
        PipelineShutdown.journal(
            camelContext,
            journalName == null ? PipelineSettings.DEFAULTS.get("journal") : journalName);
  }

  /**
   * For one listed cluster (the body): sets {@link #CANDIDATE} unless it is being deleted already,
   * and its name as the component's cluster name header.
   */
  public void candidate(Exchange exchange) {
    ClusterInfoSummary cluster = exchange.getMessage().getBody(ClusterInfoSummary.class);
    boolean candidate =
        cluster != null
            && cluster.clusterName() != null
            && cluster.clusterStatus() != ClusterStatus.DELETE_IN_PROGRESS;
    exchange.setProperty(CANDIDATE, candidate);
    if (candidate) {
      exchange.getMessage().setHeader(PclusterConstants.CLUSTER_NAME, cluster.clusterName());
    }
  }

  /** For a described cluster (the body): sets {@link #REASON} when it is to be deleted. */
  public void decide(Exchange exchange) {
    DescribeClusterResponse cluster = exchange.getMessage().getBody(DescribeClusterResponse.class);
    Optional<String> reason = reason(cluster);
    if (reason.isPresent()) {
      exchange.setProperty(REASON, reason.get());
      LOG.warn("Reaper: deleting cluster {}: {}", cluster.clusterName(), reason.get());
    } else {
      exchange.removeProperty(REASON);
    }
  }

  /** Why the cluster is to be deleted, or empty when it is kept. */
  Optional<String> reason(DescribeClusterResponse cluster) {
    if (cluster == null || cluster.clusterStatus() == ClusterStatus.DELETE_IN_PROGRESS) {
      return Optional.empty();
    }
    Optional<PipelineTags> found = PipelineTags.from(cluster);
    if (found.isEmpty() || !pipelineId.equals(found.get().pipelineId())) {
      return Optional.empty();
    }
    PipelineTags tags = found.get();
    Optional<PipelineRun> run = tags.runId() == null ? Optional.empty() : journal.run(tags.runId());
    boolean ours = journal.instanceId().equals(tags.instanceId());
    if (ours && run.isPresent() && run.get().state() == RunState.RUNNING) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (tags.isExpired(now)) {
      return Optional.of(
          tags.expires() == null
              ? "its expiry tag is missing or unreadable"
              : "it expired at " + tags.expires());
    }
    if (!ours) {
      return Optional.of(
          "it belongs to instance "
              + tags.instanceId()
              + ", not to this one ("
              + journal.instanceId()
              + ")");
    }
    if (run.isEmpty()) {
      return Optional.of("its run " + tags.runId() + " is not in the journal");
    }
    if (run.get().state() == RunState.SUCCEEDED || run.get().state() == RunState.ABANDONED) {
      return Optional.of("its run " + tags.runId() + " is " + run.get().state());
    }
    return Optional.empty();
  }
}
