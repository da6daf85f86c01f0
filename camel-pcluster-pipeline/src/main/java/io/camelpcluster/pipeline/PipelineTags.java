package io.camelpcluster.pipeline;

import io.camelpcluster.pcluster.api.model.DescribeClusterResponse;
import io.camelpcluster.pcluster.api.model.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tags the pipeline puts on every cluster it creates, and reads back to find its own clusters
 * (the reaper). Build them with {@link #of}, turn them into the component's {@code clusterTags} map
 * with {@link #toMap}, read them from a DescribeCluster answer with {@link #from}.
 *
 * <p>Values are made safe for tags on every AWS service a cluster's tags reach (some, such as
 * DynamoDB, accept only letters, digits, spaces and {@code _ . : / = + - @}): control and format
 * characters are removed, any other character outside that set becomes {@code _}, and each value is
 * cut to {@value #MAX_VALUE_LENGTH} characters (code points). The full input key is in the journal
 * and the result manifest; the {@value #INPUT_HASH} tag identifies it exactly.
 *
 * @param owner who runs the pipeline (tag {@value #OWNER}); {@code null} when not set
 * @param pipelineId the pipeline's id ({@value #PIPELINE})
 * @param instanceId the id of the process that runs it ({@value #INSTANCE})
 * @param runId the run the cluster was created for ({@value #RUN})
 * @param input {@code bucket/key} of the input, cut ({@value #INPUT})
 * @param inputHash the input's idempotency key ({@value #INPUT_HASH})
 * @param expires when the cluster may be deleted whatever else holds ({@value #EXPIRES}, ISO-8601
 *     UTC); {@code null} when read from a cluster whose tag is missing or unreadable, which counts
 *     as expired
 */
public record PipelineTags(
    String owner,
    String pipelineId,
    String instanceId,
    String runId,
    String input,
    String inputHash,
    Instant expires) {

  /** Tag key of the owner. */
  public static final String OWNER = "camel-pcluster:owner";

  /** Tag key of the pipeline id: the tag that marks a cluster as the pipeline's. */
  public static final String PIPELINE = "camel-pcluster:pipeline";

  /** Tag key of the instance id. */
  public static final String INSTANCE = "camel-pcluster:instance";

  /** Tag key of the run id. */
  public static final String RUN = "camel-pcluster:run";

  /** Tag key of the input's {@code bucket/key}. */
  public static final String INPUT = "camel-pcluster:input";

  /** Tag key of the input's idempotency key. */
  public static final String INPUT_HASH = "camel-pcluster:input-hash";

  /** Tag key of the expiry instant. */
  public static final String EXPIRES = "camel-pcluster:expires";

  /** Longest tag value (AWS's limit). */
  public static final int MAX_VALUE_LENGTH = 256;

  /** Makes every value safe for a tag; the pipeline id is required. */
  public PipelineTags {
    Objects.requireNonNull(pipelineId, "pipelineId");
    owner = safe(owner);
    pipelineId = safe(pipelineId);
    instanceId = safe(instanceId);
    runId = safe(runId);
    input = safe(input);
    inputHash = safe(inputHash);
  }

  /** The tags of a cluster created now for one run of an input. */
  public static PipelineTags of(
      String owner,
      String pipelineId,
      String instanceId,
      String runId,
      InputObject input,
      Instant expires) {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(expires, "expires");
    return new PipelineTags(
        owner == null || owner.isBlank() ? null : owner,
        pipelineId,
        instanceId,
        runId,
        input.bucket() + "/" + input.key(),
        input.idempotencyKey(),
        expires);
  }

  /**
   * The tags as key/value pairs for the component's {@code clusterTags} option or {@code
   * CamelPclusterClusterTags} header; the owner tag only when an owner is set.
   */
  public Map<String, String> toMap() {
    Map<String, String> tags = new LinkedHashMap<>();
    if (owner != null) {
      tags.put(OWNER, owner);
    }
    tags.put(PIPELINE, pipelineId);
    put(tags, INSTANCE, instanceId);
    put(tags, RUN, runId);
    put(tags, INPUT, input);
    put(tags, INPUT_HASH, inputHash);
    if (expires != null) {
      tags.put(EXPIRES, expires.toString());
    }
    return tags;
  }

  /**
   * The pipeline tags of a cluster, or empty when it has no {@value #PIPELINE} tag (not created by
   * a pipeline). Missing other tags read as {@code null}.
   */
  public static Optional<PipelineTags> from(DescribeClusterResponse cluster) {
    return from(cluster.tags());
  }

  /** The pipeline tags among a cluster's tags, as {@link #from(DescribeClusterResponse)}. */
  public static Optional<PipelineTags> from(List<Tag> tags) {
    Map<String, String> byKey = new HashMap<>();
    for (Tag tag : tags) {
      if (tag != null && tag.key() != null && tag.value() != null) {
        byKey.put(tag.key(), tag.value());
      }
    }
    String pipelineId = byKey.get(PIPELINE);
    if (pipelineId == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PipelineTags(
            byKey.get(OWNER),
            pipelineId,
            byKey.get(INSTANCE),
            byKey.get(RUN),
            byKey.get(INPUT),
            byKey.get(INPUT_HASH),
            instant(byKey.get(EXPIRES))));
  }

  /**
   * Whether the expiry has passed at {@code now}; a cluster without a readable expiry counts as
   * expired, so a damaged tag never keeps a cluster alive.
   */
  public boolean isExpired(Instant now) {
    return expires == null || !now.isBefore(expires);
  }

  private static void put(Map<String, String> tags, String key, String value) {
    if (value != null) {
      tags.put(key, value);
    }
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String safe(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder safe = new StringBuilder(value.length());
    Texts.withoutControls(value)
        .codePoints()
        .limit(MAX_VALUE_LENGTH)
        .forEach(c -> safe.appendCodePoint(allowed(c) ? c : '_'));
    return safe.toString();
  }

  private static boolean allowed(int c) {
    return Character.isLetterOrDigit(c)
        || Character.getType(c) == Character.SPACE_SEPARATOR
        || "_.:/=+-@".indexOf(c) >= 0;
  }
}
