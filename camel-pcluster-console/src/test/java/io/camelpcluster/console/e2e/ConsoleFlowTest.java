package io.camelpcluster.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelpcluster.pipeline.InputObject;
import io.camelpcluster.pipeline.PipelineJournal;
import io.camelpcluster.pipeline.PipelineRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console in a real headless Chromium, as a person uses it, against an app in this JVM whose
 * component talks to the emulator and runs jobs on this machine's Slurm: sign in, list, create with
 * a dry-run error shown inline, create, watch it become CREATE_COMPLETE, submit a job and see it
 * finish, delete with confirmation and see it gone; untrusted tags, job output and input keys shown
 * as text; pipeline runs with their timeline. Screenshots of each main page go to {@code
 * target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleFlowTest {

  /** Markup that runs script when parsed as HTML: it must show as text and set no flag. */
  private static final String HOSTILE = "<img src=x onerror=\"window.__pwned=1\">";

  /** The cluster the create, job and delete steps share, in this order. */
  private static final String WEB_CLUSTER = "e2e-web-1";

  private static Browser browser;
  private static ConsoleApp app;
  private static ConsolePage page;

  @BeforeAll
  static void start() throws Exception {
    browser = Browser.start();
    try {
      app = ConsoleApp.start();
    } catch (Exception | AssertionError e) {
      browser.close();
      throw e;
    }
    page = new ConsolePage(browser, app);
  }

  @AfterAll
  static void stop() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (app != null) {
        app.close();
      }
    }
  }

  @Test
  @Order(1)
  void signInIsRequiredAndAWrongPasswordIsRefused() {
    page.openSignedOut();
    assertThat(ConsolePage.isShown(browser.driver(), "clusters-view")).isFalse();
    browser.screenshot("sign-in");

    page.signIn(ConsoleApp.USER, "not-the-password");
    browser.until(driver -> ConsolePage.isShown(driver, "login-error"));
    assertThat(ConsolePage.text(browser.driver(), "login-error")).contains("Wrong");
    assertThat(ConsolePage.isShown(browser.driver(), "clusters-view")).isFalse();

    page.signIn(ConsoleApp.USER, app.password());
    browser.byTestId("clusters-view");
    browser.until(driver -> ConsoleApp.USER.equals(ConsolePage.text(driver, "whoami")));
  }

  @Test
  @Order(2)
  void aBearerTokenSignsInToo() {
    page.openSignedOut();
    page.signInWithToken("token-that-is-wrong-but-long-enough");
    browser.until(driver -> ConsolePage.isShown(driver, "login-error"));

    page.signInWithToken(app.token());
    browser.byTestId("clusters-view");
    browser.until(driver -> ConsoleApp.TOKEN_USER.equals(ConsolePage.text(driver, "whoami")));
    browser.click("logout");
    browser.byTestId("login-view");
  }

  @Test
  @Order(3)
  void createsAClusterAfterADryRunErrorAndWatchesItComplete() {
    String name = WEB_CLUSTER;
    page.signedIn();
    assertThat(page.listedStatus(name)).isEmpty();

    // a dry run with an invalid override: the validation error is shown inline, nothing created
    page.fillCreateForm(name, "Scheduling.SlurmQueues[0].ComputeResources[0].MinCount", "10");
    browser.click("create-validate");
    assertThat(page.awaitCreateOutcome()).isEqualTo("invalid");
    List<WebElement> errors =
        browser
            .driver()
            .findElements(By.cssSelector("[data-testid='create-message'][data-level='ERROR']"));
    assertThat(errors)
        .extracting(WebElement::getText)
        .anyMatch(text -> text.contains("Max count must be greater than or equal to min count"));
    browser.screenshot("create-validation-error");
    assertThat(app.emulator().requests().all())
        .filteredOn(r -> r.method().equals("POST") && r.path().endsWith("/clusters"))
        .isNotEmpty()
        .allMatch(r -> r.rawQuery() != null && r.rawQuery().contains("dryrun=true"));

    // fixed, created: the page follows the new cluster until it is complete
    page.setOverrideValue("2");
    page.addTag("team", "hpc-e2e");
    browser.click("create-submit");
    browser.until(driver -> driver.getCurrentUrl().endsWith("#/clusters/" + name));
    page.awaitDetailsStatus(name, "CREATE_COMPLETE");
    browser.until(driver -> "RUNNING".equals(ConsolePage.text(driver, "fleet-status")));
    assertThat(ConsolePage.text(browser.driver(), "cluster-summary")).contains("team=hpc-e2e");
    browser.screenshot("cluster-details");

    page.go("clusters");
    page.awaitListed(name, "CREATE_COMPLETE");
    WebElement row = browser.driver().findElement(ConsolePage.clusterRow(name));
    assertThat(ConsolePage.cell(row, "cluster-region").getText())
        .isEqualTo(app.emulator().region());
    assertThat(ConsolePage.cell(row, "cluster-scheduler").getText()).isEqualTo("slurm");
    assertThat(ConsolePage.cell(row, "cluster-queues").getText()).contains("batch");
    browser.screenshot("clusters");
    ConsolePage.cell(row, "cluster-name").findElement(By.tagName("button")).click();
    page.awaitDetailsStatus(name, "CREATE_COMPLETE");
  }

  @Test
  @Order(4)
  void runsAJobOnTheClusterAndShowsItsOutput() {
    LocalSlurm.assumeInstalled();
    page.signedIn();
    page.go("clusters/" + WEB_CLUSTER);
    page.awaitDetailsStatus(WEB_CLUSTER, "CREATE_COMPLETE");

    String jobId = page.submitJob("#!/bin/bash\necho \"hello from the e2e job on $(hostname)\"\n");
    assertThat(jobId).matches("\\d+");
    page.awaitJobState(jobId, "COMPLETED");
    assertThat(page.jobOutput(jobId, "hello from the e2e job on")).startsWith("hello from");
    browser.screenshot("jobs", browser.byTestId("job-output"));

    String sleeper = page.submitJob("#!/bin/bash\nsleep 300\n");
    page.awaitJobState(sleeper, "RUNNING");
    page.cancelJob(sleeper);
    page.awaitJobState(sleeper, "CANCELLED");
  }

  @Test
  @Order(5)
  void stopsAndStartsTheFleetAndShowsConfigurationAndStackEvents() {
    page.signedIn();
    page.go("clusters/" + WEB_CLUSTER);
    page.awaitDetailsStatus(WEB_CLUSTER, "CREATE_COMPLETE");

    browser.click("fleet-stop");
    browser.until(
        ConsolePage.CLUSTER_CHANGE,
        driver -> "STOPPED".equals(ConsolePage.text(driver, "fleet-status")));
    browser.click("fleet-start");
    browser.until(
        ConsolePage.CLUSTER_CHANGE,
        driver -> "RUNNING".equals(ConsolePage.text(driver, "fleet-status")));

    browser.click("tab-config");
    browser.until(
        driver -> ConsolePage.text(driver, "cluster-config").contains("Scheduler: slurm"));
    assertThat(ConsolePage.text(browser.driver(), "cluster-config"))
        .contains("MinCount: 2")
        .contains("MaxCount: 4");
    browser.click("tab-logs");
    browser.until(driver -> !driver.findElements(Browser.testId("log-stream")).isEmpty());
    browser.click("log-show");
    browser.until(driver -> !ConsolePage.text(driver, "log-events").isBlank());
    browser.click("tab-events");
    browser.until(
        driver ->
            driver.findElements(By.cssSelector("[data-testid='event-row']")).stream()
                .anyMatch(row -> row.getText().contains("CREATE_COMPLETE")));
  }

  @Test
  @Order(6)
  void deletesTheClusterOnceItsNameIsTyped() {
    String name = WEB_CLUSTER;
    page.signedIn();
    page.go("clusters/" + name);
    page.awaitDetailsStatus(name, "CREATE_COMPLETE");

    browser.click("tab-delete");
    WebElement confirm = browser.byTestId("delete-confirm");
    WebElement delete = browser.byTestId("delete-submit");
    assertThat(delete.isEnabled()).isFalse();
    confirm.sendKeys(name + "-not");
    assertThat(delete.isEnabled()).isFalse();
    ConsolePage.setValue(confirm, name);
    browser.until(driver -> delete.isEnabled());
    delete.click();
    browser.until(driver -> ConsolePage.text(driver, "delete-result").contains("Deletion started"));
    page.go("clusters");
    page.awaitNotListed(name);
    assertThat(app.emulator().requests().count("DELETE", "/clusters/" + name)).isOne();
  }

  @Test
  @Order(7)
  void untrustedTagsAndJobOutputAreShownAsText() {
    String name = "e2e-hostile";
    app.createCluster(name, Map.of("note", HOSTILE));
    page.signedIn();
    page.awaitListed(name, "CREATE_COMPLETE");

    WebElement row = browser.driver().findElement(ConsolePage.clusterRow(name));
    assertThat(row.findElements(By.cssSelector("[data-testid='cluster-tag']")))
        .extracting(WebElement::getText)
        .contains("note=" + HOSTILE);
    assertThat(browser.driver().findElements(By.cssSelector("#clusters-table img"))).isEmpty();
    assertThat(pwned()).isNull();

    ConsolePage.cell(row, "cluster-name").findElement(By.tagName("button")).click();
    page.awaitDetailsStatus(name, "CREATE_COMPLETE");
    assertThat(ConsolePage.text(browser.driver(), "cluster-summary")).contains("note=" + HOSTILE);

    LocalSlurm.assumeInstalled();
    String jobId =
        page.submitJob(
            "#!/bin/bash\necho '<script>window.__pwned=\"output\"</script>'\necho '"
                + HOSTILE
                + "'\n");
    page.awaitJobState(jobId, "COMPLETED");
    String output = page.jobOutput(jobId, HOSTILE);
    assertThat(output).contains("<script>window.__pwned=\"output\"</script>");
    assertThat(browser.driver().findElements(By.cssSelector("[data-testid='job-output'] *")))
        .isEmpty();
    assertThat(pwned()).isNull();
  }

  @Test
  @Order(8)
  void pipelineRunsShowInputClusterStateAndTimeline() {
    PipelineJournal journal = app.journal();
    PipelineRun done = journal.begin("ingest", new InputObject("in", "data/ok.csv", "e1", 12L));
    for (String step : List.of("create-cluster", "submit-job", "collect")) {
      journal.stepStarted(done.runId(), step);
      journal.stepEnded(done.runId(), step, null);
    }
    journal.clusterName(done.runId(), "pl-ok-csv-abcd1234");
    journal.jobId(done.runId(), "17");
    journal.succeed(done.runId(), "results/ok-csv-0123456789ab/");
    String hostileKey = "data/" + HOSTILE + ".csv";
    PipelineRun failed = journal.begin("ingest", new InputObject("in", hostileKey, "e2", 3L));
    journal.stepStarted(failed.runId(), "create-cluster");
    journal.stepEnded(failed.runId(), "create-cluster", "CREATE_FAILED: " + HOSTILE);
    journal.fail(failed.runId(), "create-cluster failed: " + HOSTILE, null);

    page.signedIn();
    page.go("runs");
    By failedRow = By.cssSelector("tr[data-testid='run-row'][data-run='" + failed.runId() + "']");
    By doneRow = By.cssSelector("tr[data-testid='run-row'][data-run='" + done.runId() + "']");
    WebElement doneShown = browser.until(driver -> driver.findElement(doneRow));
    assertThat(ConsolePage.cell(doneShown, "run-state").getText()).isEqualTo("SUCCEEDED");
    assertThat(ConsolePage.cell(doneShown, "run-cluster").getText())
        .isEqualTo("pl-ok-csv-abcd1234");
    assertThat(ConsolePage.cell(doneShown, "run-job").getText()).isEqualTo("17");
    assertThat(ConsolePage.cell(doneShown, "run-input").getText()).isEqualTo("in/data/ok.csv");
    WebElement failedShown = browser.driver().findElement(failedRow);
    assertThat(ConsolePage.cell(failedShown, "run-state").getText()).isEqualTo("FAILED");
    assertThat(ConsolePage.cell(failedShown, "run-input").getText()).isEqualTo("in/" + hostileKey);

    failedShown.click();
    browser.until(driver -> failed.runId().equals(ConsolePage.text(driver, "run-id")));
    assertThat(ConsolePage.text(browser.driver(), "run-error")).contains(HOSTILE);
    List<WebElement> steps =
        browser.driver().findElements(By.cssSelector("[data-testid='run-step']"));
    assertThat(steps)
        .extracting(s -> s.getAttribute("data-step"))
        .containsExactly("create-cluster");
    assertThat(steps.get(0).getAttribute("data-outcome")).isEqualTo("FAILED");

    browser.driver().findElement(doneRow).click();
    browser.until(driver -> done.runId().equals(ConsolePage.text(driver, "run-id")));
    browser.until(
        driver ->
            driver
                    .findElements(
                        By.cssSelector("[data-testid='run-step'][data-outcome='SUCCEEDED']"))
                    .size()
                == 3);
    browser.screenshot("pipeline-runs");
    assertThat(pwned()).isNull();
  }

  @Test
  @Order(9)
  void camelsDevConsoleShowsTheClustersJobsAndRuns() {
    app.createCluster("e2e-dev-console", Map.of());
    browser.open(app.devConsoleUrl());

    String text =
        browser.until(
            driver -> {
              String body = driver.findElement(By.tagName("body")).getText();
              return body.contains("e2e-dev-console") ? body : null;
            });

    assertThat(text)
        .contains("Component pcluster (region " + app.emulator().region() + ")")
        .containsPattern("e2e-dev-console +CREATE_\\w+ +" + app.emulator().region())
        .contains("Jobs waited on")
        .contains("Pipeline runs of journal " + ConsoleApp.JOURNAL)
        .doesNotContain(app.password());
    browser.screenshot("dev-console");
  }

  /** The flag a hostile value would set if the page ran it. */
  private static Object pwned() {
    return browser.script("return window.__pwned === undefined ? null : String(window.__pwned);");
  }
}
