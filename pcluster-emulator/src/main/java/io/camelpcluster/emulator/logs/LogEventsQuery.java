package io.camelpcluster.emulator.logs;

import io.camelpcluster.emulator.model.ApiException;
import io.camelpcluster.emulator.model.LogEvent;
import io.camelpcluster.emulator.model.Responses;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GetLogEvents request, with CloudWatch's token semantics: every page carries a forward ({@code
 * nextToken}) and a backward ({@code prevToken}) token, and at the end of the stream the forward
 * token sent comes back unchanged with no events.
 *
 * @param startTime inclusive lower bound, or null
 * @param endTime exclusive upper bound, or null
 * @param startFromHead without a token: oldest events first (true) or the newest page (false)
 * @param limit most events per page, or null for CloudWatch's maximum
 * @param token a token from an earlier page, or null
 */
public record LogEventsQuery(
    Instant startTime, Instant endTime, boolean startFromHead, Integer limit, String token) {

  /** CloudWatch's largest page. */
  public static final int MAX_EVENTS = 10_000;

  private static final Pattern TOKEN = Pattern.compile("([fb])/(\\d{1,56})");

  /** The page of events this query selects. */
  public Responses.LogEventPage page(List<LogEvent> events) {
    List<LogEvent> selected =
        events.stream()
            .filter(e -> startTime == null || !e.timestamp().isBefore(startTime))
            .filter(e -> endTime == null || e.timestamp().isBefore(endTime))
            .toList();
    int size = selected.size();
    int max = limit == null ? MAX_EVENTS : Math.min(limit, MAX_EVENTS);
    int from;
    int to;
    if (token == null) {
      if (startFromHead) {
        from = 0;
        to = Math.min(max, size);
      } else {
        to = size;
        from = Math.max(0, size - max);
      }
    } else {
      Matcher m = TOKEN.matcher(token);
      int position = m.matches() ? parse(m.group(2)) : -1;
      if (position < 0 || position > size) {
        throw ApiException.badRequest("The specified nextToken is invalid.");
      }
      if (m.group(1).equals("f")) {
        from = position;
        to = Math.min(size, position + max);
      } else {
        to = position;
        from = Math.max(0, position - max);
      }
    }
    return new Responses.LogEventPage(
        token("f", to), token("b", from), List.copyOf(selected.subList(from, to)));
  }

  private static int parse(String digits) {
    try {
      return Integer.parseInt(digits.replaceFirst("^0+(?=\\d)", ""));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String token(String direction, int position) {
    return direction + "/" + String.format("%056d", position);
  }
}
