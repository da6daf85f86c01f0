package io.camelpcluster.examples.pipeline;

import static io.camelpcluster.examples.pipeline.DemoTestSupport.assumeLocalSlurm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelpcluster.console.e2e.Browser;
import io.camelpcluster.console.e2e.ConsolePage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

/**
 * The demo with {@code --console PORT}, seen in a real (headless) Chromium: its sample input runs
 * through the pipeline for real (local S3, emulator, a job on the local Slurm over SSM), and the
 * console shows that run with its timeline and result link, and its cluster gone. Skipped without
 * the local Slurm or without Chromium.
 */
class DemoConsoleBrowserTest {
  private static final Pattern PASSWORD = Pattern.compile("user demo, password ([0-9a-f]{24})");
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");
  private static final List<String> STEPS =
      List.of("check", "slot", "create", "stage", "job", "collect", "delete");
  private static final Duration RUN_END = Duration.ofMinutes(3);

  @TempDir Path dir;
  private DemoProcess demo;

  @AfterEach
  void kill() throws Exception {
    if (demo != null && demo.isAlive()) {
      demo.kill();
    }
  }

  @Test
  void theConsoleShowsTheSamplesRealRunAndItsDeletedCluster() throws Exception {
    assumeLocalSlurm();
    try (Browser browser = Browser.start()) {
      int consolePort = freePort();
      int s3Port = freePort();
      String resultsUrl = "http://127.0.0.1:" + s3Port + "/pipeline-results?prefix=";
      Path properties = dir.resolve("console.properties");
      Files.writeString(properties, "camel.pcluster.console.resultsUrl = " + resultsUrl + "\n");
      demo =
          DemoProcess.start(
              List.of(
                  "--data-dir",
                  dir.resolve("data").toString(),
                  "--port",
                  String.valueOf(s3Port),
                  "--properties",
                  properties.toString(),
                  "--console",
                  String.valueOf(consolePort)),
              Map.of(),
              dir.resolve("demo.log"));
      String password =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () -> {
                    Matcher m = PASSWORD.matcher(demo.log());
                    return m.find() ? m.group(1) : null;
                  },
                  p -> p != null);
      String console = "http://127.0.0.1:" + consolePort + "/pcluster/";
      // the password is printed while Camel starts: the page is served once it has started
      HttpClient http = HttpClient.newHttpClient();
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(
              () ->
                  http.send(
                          HttpRequest.newBuilder(URI.create(console)).build(),
                          HttpResponse.BodyHandlers.discarding())
                      .statusCode(),
              status -> status == 200);

      // sign in as the demo user
      browser.open(console);
      ConsolePage.setValue(browser.byTestId("login-user"), DemoConsole.USER);
      ConsolePage.setValue(browser.byTestId("login-password"), password);
      browser.click("login-submit");
      browser.until(driver -> DemoConsole.USER.equals(ConsolePage.text(driver, "whoami")));

      // Pipeline runs: the sample's run, refreshed until it has SUCCEEDED
      browser.click("nav-runs");
      browser.byTestId("runs-view");
      // the row's cells are read in one go: a refresh still on its way may replace the row
      ListedRun run;
      try {
        run =
            browser.until(
                RUN_END,
                driver -> {
                  List<WebElement> rows = driver.findElements(Browser.testId("run-row"));
                  if (rows.size() == 1
                      && "SUCCEEDED".equals(ConsolePage.cell(rows.get(0), "run-state").getText())) {
                    return ListedRun.of(rows.get(0));
                  }
                  driver.findElement(Browser.testId("runs-refresh")).click();
                  return null;
                });
      } catch (TimeoutException e) {
        throw new AssertionError(
            "the sample's run did not show SUCCEEDED; demo:\n" + demo.log(), e);
      }
      String runId = run.runId();
      assertThat(run.input()).startsWith("pipeline-inputs/inputs/lighthouse-keeper-");
      String cluster = run.cluster();
      assertThat(cluster).startsWith("pl-lighthouse-keeper-");
      assertThat(run.job()).matches("\\d+");
      long runMillis = millis(run.duration());
      assertThat(runMillis).isPositive();
      assertThat(run.resultPrefix()).startsWith("results/lighthouse-keeper-");
      assertThat(run.resultLink())
          .isEqualTo(resultsUrl + URLEncoder.encode(run.resultPrefix(), StandardCharsets.UTF_8));

      // its timeline: every step, in order, succeeded, with the durations it really took
      browser.until(
          driver -> {
            driver
                .findElement(By.cssSelector("tr[data-testid='run-row'][data-run='" + runId + "']"))
                .click();
            return Boolean.TRUE;
          });
      browser.until(driver -> runId.equals(ConsolePage.text(driver, "run-id")));
      assertThat(ConsolePage.text(browser.driver(), "run-error")).isEmpty();
      List<WebElement> steps =
          browser.until(
              driver -> {
                List<WebElement> shown = driver.findElements(Browser.testId("run-step"));
                return shown.size() == STEPS.size() ? shown : null;
              });
      assertThat(steps).extracting(step -> step.getAttribute("data-step")).isEqualTo(STEPS);
      assertThat(steps)
          .extracting(step -> step.getAttribute("data-outcome"))
          .containsOnly("SUCCEEDED");
      Map<String, Long> stepMillis =
          steps.stream()
              .collect(
                  Collectors.toMap(
                      step -> step.getAttribute("data-step"), DemoConsoleBrowserTest::stepMillis));
      // the emulator takes DemoServices.CREATE_DURATION to create a cluster
      assertThat(stepMillis.get("create")).isGreaterThan(1000);
      assertThat(stepMillis.get("job")).isPositive();
      assertThat(stepMillis.values().stream().mapToLong(Long::longValue).sum())
          .isLessThanOrEqualTo(runMillis + 1000);
      browser.screenshot("demo-pipeline-runs", browser.byTestId("run-timeline"));

      // Clusters: the run's cluster is gone from the list, and its page says DELETED
      browser.click("nav-clusters");
      browser.byTestId("clusters-view");
      browser.until(
          driver -> {
            driver.findElement(Browser.testId("clusters-refresh")).click();
            return driver.findElements(ConsolePage.clusterRow(cluster)).isEmpty();
          });
      browser.until(driver -> ConsolePage.isShown(driver, "clusters-empty"));
      browser.screenshot("demo-clusters");
      browser.open(console + "#/clusters/" + cluster);
      browser.until(
          driver ->
              "DELETED"
                  .equals(ConsolePage.inView(driver, "cluster-view", "cluster-status").getText()));
      // a deleted cluster has no head node to ask for jobs: only the info notice, no error
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                var box = browser.driver().findElement(By.id("notice"));
                return "info".equals(box.getAttribute("class"))
                    && box.getText().contains("does not exist");
              });
      browser.screenshot("demo-cluster-deleted");
    }

    // a JVM ended by SIGTERM exits with 128 + 15 once its shutdown hooks (Camel's stop) are done
    assertThat(demo.stop(Duration.ofSeconds(60))).as(demo.log()).isIn(0, 143);
  }

  /** What the runs table shows of a run. */
  private record ListedRun(
      String runId,
      String input,
      String cluster,
      String job,
      String duration,
      String resultPrefix,
      String resultLink) {
    static ListedRun of(WebElement row) {
      WebElement link = ConsolePage.cell(row, "run-result").findElement(By.tagName("a"));
      return new ListedRun(
          row.getAttribute("data-run"),
          ConsolePage.cell(row, "run-input").getText(),
          ConsolePage.cell(row, "run-cluster").getText(),
          ConsolePage.cell(row, "run-job").getText(),
          ConsolePage.cell(row, "run-duration").getText(),
          link.getText(),
          link.getAttribute("href"));
    }
  }

  /** The duration a timeline step shows: "5s SUCCEEDED" is 5000. */
  private static long stepMillis(WebElement step) {
    List<WebElement> texts = step.findElements(By.cssSelector(":scope > span"));
    String shown = texts.get(texts.size() - 1).getText();
    String outcome = " " + step.getAttribute("data-outcome");
    assertThat(shown).endsWith(outcome);
    return millis(shown.substring(0, shown.length() - outcome.length()));
  }

  /** A duration as the console shows it ("850ms", "5s", "1m 5s", "2h 3m"), in milliseconds. */
  static long millis(String shown) {
    assertThat(shown).as("a duration").matches("(\\d+(ms|d|h|m|s) ?)+");
    long total = 0;
    Matcher part = DURATION_PART.matcher(shown);
    while (part.find()) {
      long n = Long.parseLong(part.group(1));
      total +=
          switch (part.group(2)) {
            case "ms" -> n;
            case "s" -> Duration.ofSeconds(n).toMillis();
            case "m" -> Duration.ofMinutes(n).toMillis();
            case "h" -> Duration.ofHours(n).toMillis();
            default -> Duration.ofDays(n).toMillis();
          };
    }
    return total;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
