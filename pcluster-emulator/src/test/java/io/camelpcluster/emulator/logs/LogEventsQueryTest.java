package io.camelpcluster.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.emulator.model.ApiException;
import io.camelpcluster.emulator.model.LogEvent;
import io.camelpcluster.emulator.model.Responses;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogEventsQueryTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private final List<LogEvent> events = new ArrayList<>();

  LogEventsQueryTest() {
    for (int i = 0; i < 5; i++) {
      events.add(new LogEvent(T0.plusSeconds(i), "event " + i));
    }
  }

  @Test
  void pagingForwardFromTheHeadEndsWithTheSameToken() {
    Responses.LogEventPage first = new LogEventsQuery(null, null, true, 2, null).page(events);
    Responses.LogEventPage second =
        new LogEventsQuery(null, null, true, 2, first.nextToken()).page(events);
    Responses.LogEventPage third =
        new LogEventsQuery(null, null, true, 2, second.nextToken()).page(events);
    Responses.LogEventPage end =
        new LogEventsQuery(null, null, true, 2, third.nextToken()).page(events);

    assertThat(messages(first)).containsExactly("event 0", "event 1");
    assertThat(messages(second)).containsExactly("event 2", "event 3");
    assertThat(messages(third)).containsExactly("event 4");
    assertThat(end.events()).isEmpty();
    assertThat(end.nextToken()).isEqualTo(third.nextToken());
  }

  @Test
  void theDefaultIsTheNewestPageAndThePreviousTokenGoesBack() {
    Responses.LogEventPage newest = new LogEventsQuery(null, null, false, 2, null).page(events);
    Responses.LogEventPage before =
        new LogEventsQuery(null, null, false, 2, newest.prevToken()).page(events);

    assertThat(messages(newest)).containsExactly("event 3", "event 4");
    assertThat(messages(before)).containsExactly("event 1", "event 2");
  }

  @Test
  void timeBoundsAreInclusiveThenExclusive() {
    Responses.LogEventPage page =
        new LogEventsQuery(T0.plusSeconds(1), T0.plusSeconds(3), true, null, null).page(events);

    assertThat(messages(page)).containsExactly("event 1", "event 2");
  }

  @Test
  void foreignTokensAreRefused() {
    assertThatThrownBy(() -> new LogEventsQuery(null, null, true, null, "x/1").page(events))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> new LogEventsQuery(null, null, true, null, "f/99").page(events))
        .isInstanceOf(ApiException.class);
  }

  private static List<String> messages(Responses.LogEventPage page) {
    return page.events().stream().map(LogEvent::message).toList();
  }
}
