package io.camelpcluster.pcluster.wait;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElapsedTest {

  @ParameterizedTest
  @CsvSource({
    "PT0S, 0ms",
    "PT0.85S, 850ms",
    "PT4.25S, 4.2s",
    "PT12.9S, 12s",
    "PT4M12S, 4m12s",
    "PT2H0M5S, 2h0m5s",
    "PT-1S, 0ms",
  })
  void formatsAsPeopleReadIt(Duration elapsed, String text) {
    assertThat(Elapsed.format(elapsed)).isEqualTo(text);
  }
}
