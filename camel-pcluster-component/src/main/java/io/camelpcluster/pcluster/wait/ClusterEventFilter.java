package io.camelpcluster.pcluster.wait;

import io.camelpcluster.pcluster.api.model.ClusterStatus;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which clusters and events the sensor reports.
 *
 * @param namePrefix clusters whose name starts with it (case-sensitive); empty for all
 * @param tags tags a cluster must all carry with these values; empty for no condition (needs one
 *     DescribeCluster per newly seen cluster, since ListClusters has no tags)
 * @param statuses report only events whose new status is one of these ({@code DELETE_COMPLETE} for
 *     deletions); empty for all
 */
public record ClusterEventFilter(
    String namePrefix, Map<String, String> tags, Set<ClusterStatus> statuses) {
  private static final Pattern NAME_PREFIX = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]{0,59}");
  private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{N}\\p{Zs}_.:/=+\\-@]*");
  private static final int MAX_TAG_KEY = 128;
  private static final int MAX_TAG_VALUE = 256;
  private static final int MAX_TAGS = 50;

  public ClusterEventFilter {
    namePrefix = namePrefix == null ? "" : namePrefix;
    if (!namePrefix.isEmpty() && !NAME_PREFIX.matcher(namePrefix).matches()) {
      throw new IllegalArgumentException(
          "clusterNamePrefix must start with a letter and hold at most 60 letters, digits and"
              + " hyphens, got "
              + Names.quote(namePrefix));
    }
    tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    tags.forEach(ClusterEventFilter::requireTag);
    if (tags.size() > MAX_TAGS) {
      throw new IllegalArgumentException(
          "clusterTags holds at most " + MAX_TAGS + " tags, got " + tags.size());
    }
    statuses =
        statuses == null || statuses.isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
    if (statuses.contains(ClusterStatus.UNKNOWN_TO_CLIENT)) {
      throw new IllegalArgumentException("UNKNOWN_TO_CLIENT is not a status to filter on");
    }
  }

  /** Every cluster, every event. */
  public static ClusterEventFilter all() {
    return new ClusterEventFilter("", Map.of(), Set.of());
  }

  /**
   * The filter from the consumer's options.
   *
   * @param namePrefix the {@code clusterNamePrefix} option, or null
   * @param tags the {@code clusterTags} option (the component splits {@code key=value} pairs), or
   *     null
   * @param statuses the {@code clusterStatusFilter} option: comma-separated {@link ClusterStatus}
   *     names (case-insensitive), or null
   * @throws IllegalArgumentException naming the option and the offending part
   */
  public static ClusterEventFilter parse(
      String namePrefix, Map<String, String> tags, String statuses) {
    return new ClusterEventFilter(
        namePrefix == null ? "" : namePrefix.strip(), tags, parseStatuses(statuses));
  }

  /** Whether a cluster of this name is reported. */
  public boolean matchesName(String clusterName) {
    return clusterName.startsWith(namePrefix);
  }

  /** Whether a cluster with these tags is reported. */
  public boolean matchesTags(Map<String, String> clusterTags) {
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      if (!tag.getValue().equals(clusterTags.get(tag.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Whether an event to this status is reported. */
  public boolean matchesStatus(ClusterStatus status) {
    return statuses.isEmpty() || statuses.contains(status);
  }

  /** Whether the tags of clusters must be looked up. */
  public boolean needsTags() {
    return !tags.isEmpty();
  }

  private static Set<ClusterStatus> parseStatuses(String spec) {
    Set<ClusterStatus> statuses = EnumSet.noneOf(ClusterStatus.class);
    if (spec == null || spec.isBlank()) {
      return statuses;
    }
    for (String part : spec.split(",", -1)) {
      String name = part.strip().toUpperCase(Locale.ROOT);
      ClusterStatus status = null;
      for (ClusterStatus candidate : ClusterStatus.values()) {
        if (candidate != ClusterStatus.UNKNOWN_TO_CLIENT && candidate.name().equals(name)) {
          status = candidate;
        }
      }
      if (status == null) {
        throw new IllegalArgumentException(
            "clusterStatusFilter must list cluster statuses ("
                + String.join(
                    ", ", Names.of(ClusterStatus.values(), ClusterStatus.UNKNOWN_TO_CLIENT))
                + "), got "
                + Names.quote(part));
      }
      statuses.add(status);
    }
    return statuses;
  }

  private static void requireTag(String key, String value) {
    if (key == null || key.isEmpty() || key.length() > MAX_TAG_KEY) {
      throw new IllegalArgumentException(
          "a tag key in clusterTags must hold 1 to "
              + MAX_TAG_KEY
              + " characters, got "
              + Names.quote(key));
    }
    if (value == null || value.length() > MAX_TAG_VALUE) {
      throw new IllegalArgumentException(
          "the value of tag "
              + Names.quote(key)
              + " must hold at most "
              + MAX_TAG_VALUE
              + " characters, got "
              + Names.quote(value));
    }
    for (String text : new String[] {key, value}) {
      if (!TAG_TEXT.matcher(text).matches()) {
        throw new IllegalArgumentException(
            "tags hold letters, digits, spaces and _ . : / = + - @ only, got " + Names.quote(text));
      }
    }
  }
}
