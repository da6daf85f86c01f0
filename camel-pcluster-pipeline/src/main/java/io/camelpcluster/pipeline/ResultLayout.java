package io.camelpcluster.pipeline;

import java.util.Objects;

/**
 * Where a run's results go in the results bucket: one folder per input version, {@code
 * <resultsPrefix><slug>-<hash12>/}, where the slug is {@link ClusterNames#slug} of the key and
 * hash12 the first 12 hex digits of its idempotency key (keys of any length fit within S3's
 * 1024-byte key limit; the manifest carries the full input key). Inside: {@value
 * ResultManifest#FILE_NAME}, {@value #JOB_LOG}, each declared output by its file name, and {@value
 * ErrorReport#FILE_NAME} on failure.
 *
 * @param folder the folder, ending with {@code /}
 */
public record ResultLayout(String folder) {

  /** File name of the job log. */
  public static final String JOB_LOG = "job.log";

  public ResultLayout {
    Objects.requireNonNull(folder, "folder");
  }

  /** The folder for an input under a results prefix (used as given, e.g. {@code results/}). */
  public static ResultLayout of(String resultsPrefix, InputObject input) {
    Objects.requireNonNull(resultsPrefix, "resultsPrefix");
    String slug = ClusterNames.slug(input.key());
    String hash12 = input.idempotencyKey().substring(0, 12);
    return new ResultLayout(resultsPrefix + (slug.isEmpty() ? hash12 : slug + "-" + hash12) + "/");
  }

  /** Key of the result manifest. */
  public String manifestKey() {
    return folder + ResultManifest.FILE_NAME;
  }

  /** Key of the error report. */
  public String errorKey() {
    return folder + ErrorReport.FILE_NAME;
  }

  /** Key of the job log. */
  public String jobLogKey() {
    return folder + JOB_LOG;
  }

  /** Key of a declared output. */
  public String outputKey(String fileName) {
    StagedJobScript.checkOutputName(fileName);
    return folder + fileName;
  }
}
