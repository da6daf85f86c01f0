package io.camelpcluster.console.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through Debian's chromedriver (both installed by {@code
 * scripts/browser.sh}), started as this machine needs it: as root without the sandbox, with every
 * background connection off (the network outside is closed) and a fresh, empty profile that is
 * deleted on {@link #close()}. Tests that need it are skipped when either binary is missing.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Where screenshots go: {@code target/screenshots/NAME.png} of the module. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** How long a page may take to show what a test waits for. */
  public static final Duration WAIT = Duration.ofSeconds(30);

  private static final List<String> FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--lang=en-US");

  private static final AtomicInteger TIMEOUTS = new AtomicInteger();

  private final Path profile;
  private final ChromeDriver driver;

  private Browser(Path profile, ChromeDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  /** Starts the browser; skips the calling test when Chromium or chromedriver is not installed. */
  public static Browser start() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Debian chromium and chromium-driver are not installed: run 'bash scripts/browser.sh'");
    Path profile;
    try {
      profile = Files.createTempDirectory("pcluster-e2e-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(FLAGS);
    options.addArguments("--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      try {
        driver.manage().window().setSize(new Dimension(1366, 1000));
      } catch (RuntimeException e) {
        driver.quit();
        throw e;
      }
      return new Browser(profile, driver);
    } catch (RuntimeException e) {
      deleteTree(profile);
      throw e;
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  /** Waits (at most {@link #WAIT}) until {@code condition} gives a non-null, non-false value. */
  public <T> T until(Function<WebDriver, T> condition) {
    return until(WAIT, condition);
  }

  /**
   * Waits at most {@code timeout}; elements the page replaced meanwhile (auto-refresh) and elements
   * not there yet are looked up again.
   */
  public <T> T until(Duration timeout, Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, timeout)
          .ignoring(StaleElementReferenceException.class)
          .ignoring(NoSuchElementException.class)
          .until(condition);
    } catch (TimeoutException e) {
      Path shot = screenshot("timeout-" + TIMEOUTS.incrementAndGet());
      throw new TimeoutException(
          "waited "
              + timeout.toSeconds()
              + "s in vain at "
              + driver.getCurrentUrl()
              + "; notice: '"
              + script(
                  "const n = document.getElementById('notice'); return n ? n.textContent : '';")
              + "'; screenshot "
              + shot
              + "; page log: "
              + consoleLog(),
          e);
    }
  }

  /** The element with {@code data-testid=id}, once visible. */
  public WebElement byTestId(String id) {
    return until(ExpectedConditions.visibilityOfElementLocated(testId(id)));
  }

  /** Clicks the element with {@code data-testid=id} once it is clickable. */
  public void click(String id) {
    until(ExpectedConditions.elementToBeClickable(testId(id))).click();
  }

  public static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }

  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** Scrolls {@code focus} to the bottom of the viewport, then saves a screenshot. */
  public Path screenshot(String name, WebElement focus) {
    script("arguments[0].scrollIntoView({block: 'end'});", focus);
    return screenshot(name);
  }

  /** Saves a PNG of the viewport as {@code target/screenshots/NAME.png}; returns its path. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Path taken = driver.getScreenshotAs(OutputType.FILE).toPath();
      Files.move(taken, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the page logged to its console (errors included), since the last call. */
  public List<String> consoleLog() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::toString)
        .toList();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // the profile lives under the temporary directory: a leftover is harmless
    }
  }
}
