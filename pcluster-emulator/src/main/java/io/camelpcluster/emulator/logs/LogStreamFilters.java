package io.camelpcluster.emulator.logs;

import io.camelpcluster.emulator.model.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code filters} of ListClusterLogStreams ({@code Name=private-dns-name,Values=ip-10-0-0-1} or
 * {@code Name=node-type,Values=HeadNode}), checked as the server checks them.
 *
 * @param privateDnsName the private DNS name filter, or null
 * @param nodeType the node type filter, or null
 * @param commaFilter the name of a filter whose value has a comma, or null
 */
public record LogStreamFilters(String privateDnsName, String nodeType, String commaFilter) {
  private static final String FORM = "^(Name=(private-dns-name|node-type),Values=[\\w\\-_.,]+)$";
  private static final Pattern FILTER = Pattern.compile(FORM, Pattern.UNICODE_CHARACTER_CLASS);

  /**
   * Parses the raw values: the key repeated, or one value with the filters space-separated (as the
   * Python client sends them). A malformed filter is a 400 at once.
   */
  public static LogStreamFilters parse(List<String> raw) {
    List<String> filters = new ArrayList<>();
    raw.forEach(value -> filters.addAll(List.of(value.trim().split("\\s+"))));
    String dns = null;
    String type = null;
    String comma = null;
    for (String filter : filters) {
      if (filter.isEmpty() && raw.size() == 1 && raw.get(0).isBlank()) {
        continue;
      }
      Matcher m = FILTER.matcher(filter);
      if (!m.matches()) {
        throw ApiException.badRequest(
            "provided filters parameter '" + filter + "' must be in the form " + FORM + ".");
      }
      String name = m.group(2);
      String value = filter.substring(filter.indexOf(",Values=") + ",Values=".length());
      if (value.contains(",") && comma == null) {
        comma = name;
      }
      if (name.equals("private-dns-name")) {
        dns = value;
      } else {
        type = value;
      }
    }
    return new LogStreamFilters(dns, type, comma);
  }

  /**
   * The log stream name prefix the filters select ("" for all), once the cluster is known.
   *
   * @param headNodeDns the head node's short private DNS name, if it runs
   */
  public String streamPrefix(Supplier<Optional<String>> headNodeDns) {
    if (commaFilter != null) {
      throw ApiException.badRequest(
          "Filter " + commaFilter + " doesn't accept comma separated strings as value.");
    }
    if (nodeType != null) {
      if (!nodeType.equals("HeadNode")) {
        throw ApiException.badRequest(
            "The only accepted value for Node Type filter is 'HeadNode'.");
      }
      if (privateDnsName != null) {
        throw ApiException.badRequest(
            "Private DNS Name and Node Type filters cannot be set at the same time.");
      }
      return headNodeDns
          .get()
          .orElseThrow(
              () ->
                  ApiException.badRequest(
                      "HeadNode instance not available. Node Type filter cannot be used."));
    }
    return privateDnsName == null ? "" : privateDnsName;
  }
}
