package io.camelpcluster.pcluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final Clock clock = Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC);

  @RepeatedTest(20)
  void backoffIsExponentialWithFullJitterAndCapped() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));
    assertThat(policy.delayBefore(2, null)).isBetween(Duration.ZERO, Duration.ofMillis(100));
    assertThat(policy.delayBefore(3, null)).isBetween(Duration.ZERO, Duration.ofMillis(200));
    assertThat(policy.delayBefore(4, null)).isBetween(Duration.ZERO, Duration.ofMillis(400));
    assertThat(policy.delayBefore(9, null)).isBetween(Duration.ZERO, Duration.ofMillis(1000));
  }

  @Test
  void jitterSpreadsTheDelays() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(1000), Duration.ofSeconds(10));
    long distinct =
        java.util.stream.IntStream.range(0, 50)
            .mapToObj(i -> policy.delayBefore(5, null))
            .distinct()
            .count();
    assertThat(distinct).isGreaterThan(10);
  }

  @Test
  void retryAfterWinsButIsCappedByTheMaximumDelay() {
    RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(5));
    assertThat(policy.delayBefore(2, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.delayBefore(2, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(5));
    assertThat(RetryPolicy.none().delayBefore(2, null)).isEqualTo(Duration.ZERO);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("maxDelay");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(-1), Duration.ofSeconds(1)))
        .hasMessageContaining("negative");
  }

  @Test
  void readsRetryAfterAsSecondsOrHttpDate() {
    assertThat(RetryAfter.parse("3", clock)).isEqualTo(Duration.ofSeconds(3));
    assertThat(RetryAfter.parse(" 1.5 ", clock)).isEqualTo(Duration.ofMillis(1500));
    assertThat(RetryAfter.parse("Fri, 01 Mar 2024 12:00:07 GMT", clock))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("Fri, 01 Mar 2024 11:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse(null, clock)).isNull();
    assertThat(RetryAfter.parse("soon", clock)).isNull();
    assertThat(RetryAfter.parse("-5", clock)).isNull();
    assertThat(RetryAfter.parse("NaN", clock)).isNull();
    assertThat(RetryAfter.parse("9".repeat(400), clock)).isNull();
  }

  @Test
  void classifiesOutcomes() {
    HttpHeaders none = HttpHeaders.of(Map.of(), (a, b) -> true);
    assertThat(Retryability.of(new HttpResult(429, none, null, 1)))
        .isEqualTo(Retryability.NOT_APPLIED);
    for (int status : new int[] {502, 503, 504}) {
      assertThat(Retryability.of(new HttpResult(status, none, null, 1)))
          .isEqualTo(Retryability.MAYBE_APPLIED);
    }
    for (int status : new int[] {200, 202, 400, 403, 404, 409, 412, 500}) {
      assertThat(Retryability.of(new HttpResult(status, none, null, 1)))
          .isEqualTo(Retryability.FINAL);
    }
    assertThat(Retryability.of(new CompletionException(new ConnectException("refused"))))
        .isEqualTo(Retryability.NOT_APPLIED);
    assertThat(Retryability.of(new HttpConnectTimeoutException("connect")))
        .isEqualTo(Retryability.NOT_APPLIED);
    assertThat(Retryability.of(new HttpTimeoutException("request")))
        .isEqualTo(Retryability.MAYBE_APPLIED);
    assertThat(Retryability.of(new IOException("reset"))).isEqualTo(Retryability.MAYBE_APPLIED);
    assertThat(Retryability.of(new IllegalStateException())).isEqualTo(Retryability.FINAL);
  }
}
