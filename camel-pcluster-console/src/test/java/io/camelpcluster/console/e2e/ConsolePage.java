package io.camelpcluster.console.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What a person does in the console, in the words of the page: sign in, open a view, fill a form,
 * read a row. Elements are found by their {@code data-testid} (see the console's app.js).
 */
public final class ConsolePage {

  /** How long a cluster may take to reach a state (emulator durations plus one auto-refresh). */
  static final Duration CLUSTER_CHANGE = Duration.ofSeconds(45);

  /** How long a Slurm job may take to end and be seen by the jobs view. */
  static final Duration JOB_END = Duration.ofSeconds(90);

  private final Browser browser;
  private final ConsoleApp app;

  ConsolePage(Browser browser, ConsoleApp app) {
    this.browser = browser;
    this.app = app;
  }

  Browser browser() {
    return browser;
  }

  /** Opens the console signed out (this tab's stored credentials forgotten). */
  void openSignedOut() {
    browser.open(app.url());
    browser.script("window.sessionStorage.clear();");
    browser.open(app.url());
    browser.byTestId("login-view");
  }

  void signIn(String user, String password) {
    WebElement userField = browser.byTestId("login-user");
    userField.clear();
    userField.sendKeys(user);
    WebElement passwordField = browser.byTestId("login-password");
    passwordField.clear();
    passwordField.sendKeys(password);
    browser.click("login-submit");
  }

  void signInWithToken(String token) {
    setValue(browser.byTestId("login-token"), token);
    browser.click("login-submit");
  }

  /** Signs in as the app's operator unless already signed in, and shows the cluster list. */
  void signedIn() {
    browser.open(app.url() + "#/clusters");
    browser.until(
        driver ->
            isShown(driver, "clusters-view") || isShown(driver, "login-view")
                ? Boolean.TRUE
                : null);
    if (isShown(browser.driver(), "login-view")) {
      signIn(ConsoleApp.USER, app.password());
    }
    browser.byTestId("clusters-view");
    browser.until(driver -> ConsoleApp.USER.equals(text(driver, "whoami")));
  }

  void go(String hash) {
    browser.open(app.url() + "#/" + hash);
  }

  // ---- clusters

  public static By clusterRow(String name) {
    return By.cssSelector("tr[data-testid='cluster-row'][data-cluster='" + name + "']");
  }

  /** The status cell of the cluster's row in the list; empty while the row is not there. */
  Optional<String> listedStatus(String name) {
    List<WebElement> rows = browser.driver().findElements(clusterRow(name));
    return rows.isEmpty()
        ? Optional.empty()
        : Optional.of(cell(rows.get(0), "cluster-status").getText());
  }

  /** Waits until the list shows the cluster in {@code status}. */
  void awaitListed(String name, String status) {
    browser.until(CLUSTER_CHANGE, driver -> listedStatus(name).filter(status::equals).isPresent());
  }

  /** Waits until the list no longer shows the cluster. */
  void awaitNotListed(String name) {
    browser.until(CLUSTER_CHANGE, driver -> listedStatus(name).isEmpty());
  }

  public static WebElement cell(WebElement row, String testId) {
    return row.findElement(Browser.testId(testId));
  }

  /**
   * Waits until the details view shows the cluster in {@code status} (the list's cells have the
   * same test ids, so the view's are looked up inside it).
   */
  void awaitDetailsStatus(String name, String status) {
    String expected = name + " " + status;
    String[] seen = {"nothing"};
    try {
      browser.until(
          CLUSTER_CHANGE,
          driver -> {
            seen[0] =
                inView(driver, "cluster-view", "cluster-name").getText()
                    + " "
                    + inView(driver, "cluster-view", "cluster-status").getText();
            return expected.equals(seen[0]);
          });
    } catch (TimeoutException e) {
      throw new AssertionError(
          "the details did not show " + expected + "; last seen: " + seen[0], e);
    }
  }

  public static WebElement inView(WebDriver driver, String viewTestId, String testId) {
    return driver.findElement(
        By.cssSelector("[data-testid='" + viewTestId + "'] [data-testid='" + testId + "']"));
  }

  // ---- create

  void fillCreateForm(String name, String overridePath, String overrideValue) {
    go("create");
    browser.byTestId("create-view");
    WebElement nameField = browser.byTestId("create-name");
    nameField.clear();
    nameField.sendKeys(name);
    browser.until(
        driver ->
            new Select(driver.findElement(Browser.testId("create-template")))
                    .getOptions().stream()
                        .anyMatch(
                            option -> ConsoleApp.TEMPLATE.equals(option.getAttribute("value")))
                ? Boolean.TRUE
                : null);
    new Select(browser.byTestId("create-template")).selectByValue(ConsoleApp.TEMPLATE);
    WebElement row = browser.until(ExpectedConditions.visibilityOfElementLocated(overrideRow()));
    setValue(row.findElement(Browser.testId("override-path")), overridePath);
    setValue(row.findElement(Browser.testId("override-value")), overrideValue);
  }

  static By overrideRow() {
    return By.cssSelector("[data-testid='override-row']");
  }

  void setOverrideValue(String value) {
    setValue(
        browser.driver().findElement(overrideRow()).findElement(Browser.testId("override-value")),
        value);
  }

  void addTag(String key, String value) {
    browser.click("tag-add");
    List<WebElement> rows =
        browser.driver().findElements(By.cssSelector("[data-testid='tag-row']"));
    WebElement row = rows.get(rows.size() - 1);
    setValue(row.findElement(Browser.testId("tag-key")), key);
    setValue(row.findElement(Browser.testId("tag-value")), value);
  }

  /**
   * The create view's outcome once it is {@code valid}, {@code invalid}, {@code created} or {@code
   * error}.
   */
  String awaitCreateOutcome() {
    return browser.until(
        driver -> {
          String outcome =
              driver.findElement(Browser.testId("create-result")).getAttribute("data-outcome");
          return outcome == null || outcome.isEmpty() ? null : outcome;
        });
  }

  // ---- jobs

  static By jobRow(String jobId) {
    return By.cssSelector("tr[data-testid='job-row'][data-job='" + jobId + "']");
  }

  /** Submits the script from the open cluster's jobs tab; returns the job id the page reports. */
  String submitJob(String script) {
    browser.click("tab-jobs");
    browser.byTestId("panel-jobs");
    WebElement scriptField = browser.byTestId("job-script");
    setValue(scriptField, script);
    String before = text(browser.driver(), "job-submitted");
    browser.click("job-submit");
    // the text changes with each submission ("submitted job ID"); data-job may be an earlier one's
    String shown =
        browser.until(
            driver -> {
              String text = text(driver, "job-submitted");
              return text.startsWith("submitted job ") && !text.equals(before) ? text : null;
            });
    return shown.substring("submitted job ".length()).trim();
  }

  /** Clicks the cancel button of the job's row (shown while the job has not ended). */
  void cancelJob(String jobId) {
    browser.until(
        driver -> {
          driver.findElement(jobRow(jobId)).findElement(Browser.testId("job-cancel")).click();
          return Boolean.TRUE;
        });
  }

  /** Waits until the job's row shows {@code state} (the jobs tab refreshes itself). */
  void awaitJobState(String jobId, String state) {
    browser.until(
        JOB_END,
        driver -> {
          List<WebElement> rows = driver.findElements(jobRow(jobId));
          if (rows.isEmpty() || !state.equals(cell(rows.get(0), "job-state").getText())) {
            driver.findElement(Browser.testId("jobs-refresh")).click();
            return null;
          }
          return Boolean.TRUE;
        });
  }

  /**
   * Shows the job's output; returns it once it contains {@code expected} (the pane may still show
   * an earlier job's output for a moment).
   */
  String jobOutput(String jobId, String expected) {
    browser.until(
        driver -> {
          driver
              .findElement(jobRow(jobId))
              .findElement(Browser.testId("job-output-button"))
              .click();
          return Boolean.TRUE;
        });
    String[] seen = {""};
    try {
      return browser.until(
          driver -> {
            seen[0] = text(driver, "job-output");
            return jobId.equals(text(driver, "job-output-id")) && seen[0].contains(expected)
                ? seen[0]
                : null;
          });
    } catch (TimeoutException e) {
      throw new AssertionError(
          "the output of job " + jobId + " did not show '" + expected + "'; shown: " + seen[0], e);
    }
  }

  // ---- helpers

  public static boolean isShown(WebDriver driver, String testId) {
    List<WebElement> found = driver.findElements(Browser.testId(testId));
    return !found.isEmpty() && found.get(0).isDisplayed();
  }

  public static String text(WebDriver driver, String testId) {
    return driver.findElement(Browser.testId(testId)).getText();
  }

  /** Types into a field after clearing it. */
  public static void setValue(WebElement field, String value) {
    field.clear();
    field.sendKeys(value);
  }
}
