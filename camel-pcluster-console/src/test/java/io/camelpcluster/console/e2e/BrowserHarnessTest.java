package io.camelpcluster.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The harness itself, without the console: Chromium starts headless with this machine's flags, runs
 * a page's script, is waited on and takes a screenshot. When this fails the environment is at
 * fault, not the console.
 */
class BrowserHarnessTest {

  @Test
  void startsRunsScriptsAndTakesScreenshots() throws Exception {
    String page =
        "<!doctype html><title>harness</title><p data-testid='out'>waiting</p>"
            + "<script>setTimeout(() => {"
            + " document.querySelector('[data-testid=out]').textContent = 'ran'; }, 200);</script>";
    try (Browser browser = Browser.start()) {
      browser.open(
          "data:text/html;charset=utf-8,"
              + URLEncoder.encode(page, StandardCharsets.UTF_8).replace("+", "%20"));

      browser.until(driver -> "ran".equals(browser.byTestId("out").getText()));
      Path shot = browser.screenshot("harness");

      assertThat(browser.driver().getTitle()).isEqualTo("harness");
      assertThat(Files.size(shot)).isPositive();
      assertThat(Files.readAllBytes(shot)).startsWith(0x89, 'P', 'N', 'G');
    }
  }
}
