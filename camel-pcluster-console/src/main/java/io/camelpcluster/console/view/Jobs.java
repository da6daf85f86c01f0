package io.camelpcluster.console.view;

import io.camelpcluster.console.http.ApiException;
import io.camelpcluster.console.security.ConsolePrincipal;
import io.camelpcluster.pcluster.PclusterConstants;
import io.camelpcluster.pcluster.jobs.JobSubmission;
import io.camelpcluster.pcluster.slurm.SlurmJob;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs of a cluster, through the component's job operations and the application's head-node
 * access. Jobs submitted here run in the console's jobs directory, where their output is found.
 */
public final class Jobs {
  private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

  private static final Pattern JOB_ID = Pattern.compile("\\d{1,12}(_\\d{1,9})?");

  private final PclusterCalls calls;
  private final String directory;

  /** A job to submit: the batch script and optional resources. */
  public record SubmitForm(
      String script,
      String jobName,
      String partition,
      Integer nodes,
      Integer ntasks,
      String timeLimit) {}

  /** The end of a job's output. */
  public record JobOutputView(String jobId, String output, long size, boolean truncated) {}

  public Jobs(PclusterCalls calls, String directory) {
    this.calls = calls;
    this.directory = directory;
  }

  /** Pending, running and recently finished jobs of the cluster user. */
  @SuppressWarnings("unchecked")
  public List<JobView> list(String cluster) throws Exception {
    List<SlurmJob> jobs =
        calls
            .onCluster("pcluster:listJobs?includeFinishedJobs=true", cluster, Map.of())
            .getBody(List.class);
    return jobs.stream().map(JobView::of).toList();
  }

  @SuppressWarnings("unchecked")
  public List<JobView> describe(String cluster, String jobId) throws Exception {
    List<SlurmJob> jobs =
        calls
            .onCluster(
                "pcluster:describeJob",
                cluster,
                Map.of(PclusterConstants.JOB_ID, requireJobId(jobId)))
            .getBody(List.class);
    return jobs.stream().map(JobView::of).toList();
  }

  public Map<String, String> submit(String cluster, SubmitForm form, ConsolePrincipal principal)
      throws Exception {
    if (form.script() == null || form.script().isBlank()) {
      throw ApiException.badRequest("the job needs a script");
    }
    Map<String, Object> headers = new HashMap<>();
    headers.put(PclusterConstants.JOB_SCRIPT, form.script());
    headers.put(PclusterConstants.JOB_WORKING_DIRECTORY, directory);
    putIfSet(headers, PclusterConstants.JOB_NAME, form.jobName());
    putIfSet(headers, PclusterConstants.JOB_PARTITION, form.partition());
    putIfSet(headers, PclusterConstants.JOB_NODES, form.nodes());
    putIfSet(headers, PclusterConstants.JOB_NTASKS, form.ntasks());
    putIfSet(headers, PclusterConstants.JOB_TIME_LIMIT, form.timeLimit());
    Message answer = calls.onCluster("pcluster:submitJob", cluster, headers);
    String jobId = answer.getBody(JobSubmission.class).jobId();
    LOG.info("console user {} submitted job {} on {}", principal.name(), jobId, cluster);
    return Map.of("jobId", jobId);
  }

  public Map<String, String> cancel(String cluster, String jobId, ConsolePrincipal principal)
      throws Exception {
    calls.onCluster(
        "pcluster:cancelJob", cluster, Map.of(PclusterConstants.JOB_ID, requireJobId(jobId)));
    LOG.info("console user {} cancelled job {} on {}", principal.name(), jobId, cluster);
    return Map.of("jobId", jobId, "cancelled", "requested");
  }

  /** The end of the output of a job submitted from the console (null text before it started). */
  public JobOutputView output(String cluster, String jobId) throws Exception {
    Message answer =
        calls.onCluster(
            "pcluster:getJobOutput",
            cluster,
            Map.of(
                PclusterConstants.JOB_ID,
                requireJobId(jobId),
                PclusterConstants.JOB_WORKING_DIRECTORY,
                directory));
    return new JobOutputView(
        jobId,
        answer.getBody(String.class),
        answer.getHeader(PclusterConstants.JOB_OUTPUT_SIZE, 0L, Long.class),
        answer.getHeader(PclusterConstants.JOB_OUTPUT_TRUNCATED, false, Boolean.class));
  }

  private static String requireJobId(String jobId) {
    if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
      throw ApiException.badRequest("a job id is a number, or NUMBER_INDEX for an array task");
    }
    return jobId;
  }

  private static void putIfSet(Map<String, Object> headers, String name, Object value) {
    if (value != null && !(value instanceof String text && text.isBlank())) {
      headers.put(name, value);
    }
  }
}
