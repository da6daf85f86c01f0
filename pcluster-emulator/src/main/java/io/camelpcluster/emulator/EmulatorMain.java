package io.camelpcluster.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone until killed:
 *
 * <pre>
 * java -jar pcluster-emulator-*-standalone.jar --port 8080 --state-dir DIR [--host H] [--region R]
 *     [--stage S] [--anonymous] [--access-key AK --secret-key SK [--session-token T]]
 *     [--create-seconds N] [--update-seconds N] [--delete-seconds N] [--image-build-seconds N]
 *     [--fleet-seconds N]
 * </pre>
 *
 * The secret key may instead come from the environment variable {@value #SECRET_ENV}, so that it
 * does not show in process listings. The secret is never printed.
 */
public final class EmulatorMain {
  /** The environment variable read for the secret key when {@code --secret-key} is absent. */
  public static final String SECRET_ENV = "PCLUSTER_EMULATOR_SECRET_ACCESS_KEY";

  private EmulatorMain() {}

  /** Starts the emulator and waits until the process is killed. */
  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(List.of(args), System.getenv(SECRET_ENV));
    } catch (IllegalArgumentException e) {
      System.err.println("pcluster-emulator: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    PclusterEmulator emulator = PclusterEmulator.start(options.config());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                }));
    System.out.println("ParallelCluster API emulator listening on " + emulator.endpoint());
    System.out.println("SSM (Run Command on head nodes): " + emulator.ssmEndpoint());
    System.out.println("Region: " + emulator.region());
    System.out.println("Authentication: " + options.credentialsSource());
    System.out.println(
        "State: "
            + (options.config().stateDir() == null
                ? "in memory"
                : options.config().stateDir().toAbsolutePath()));
    stopped.await();
  }

  static String usage() {
    return "usage: pcluster-emulator [--port N] [--host H] [--state-dir DIR] [--region R]"
        + " [--stage S] [--anonymous] [--access-key AK (--secret-key SK | $"
        + SECRET_ENV
        + ") [--session-token T]] [--create-seconds N] [--update-seconds N]"
        + " [--delete-seconds N] [--image-build-seconds N] [--fleet-seconds N]";
  }

  /** Parsed command-line options. */
  record Options(EmulatorConfig config, String credentialsSource) {

    static Options parse(List<String> args, String secretFromEnvironment) {
      EmulatorConfig.Builder builder = EmulatorConfig.builder();
      Deque<String> queue = new ArrayDeque<>(args);
      String accessKey = null;
      String secretKey = null;
      String sessionToken = null;
      boolean anonymous = false;
      while (!queue.isEmpty()) {
        String option = queue.poll();
        switch (option) {
          case "--port" -> builder.port(integer(option, queue));
          case "--host" -> builder.host(value(option, queue));
          case "--state-dir" -> builder.stateDir(Path.of(value(option, queue)));
          case "--region" -> builder.region(value(option, queue));
          case "--stage" -> builder.stage(value(option, queue));
          case "--anonymous" -> anonymous = true;
          case "--access-key" -> accessKey = value(option, queue);
          case "--secret-key" -> secretKey = value(option, queue);
          case "--session-token" -> sessionToken = value(option, queue);
          case "--create-seconds" -> builder.createDuration(seconds(option, queue));
          case "--update-seconds" -> builder.updateDuration(seconds(option, queue));
          case "--delete-seconds" -> builder.deleteDuration(seconds(option, queue));
          case "--image-build-seconds" -> builder.imageBuildDuration(seconds(option, queue));
          case "--fleet-seconds" -> builder.fleetTransitionDuration(seconds(option, queue));
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      builder.anonymous(anonymous);
      String source;
      if (anonymous) {
        source = "none (anonymous mode: requests are not verified)";
      } else if (accessKey != null) {
        String secret = secretKey != null ? secretKey : secretFromEnvironment;
        if (secret == null || secret.isEmpty()) {
          throw new IllegalArgumentException(
              "--access-key needs --secret-key or the environment variable " + SECRET_ENV);
        }
        builder.credentials(accessKey, secret, sessionToken);
        source =
            "SigV4 with access key id "
                + accessKey
                + " (secret from "
                + (secretKey != null ? "--secret-key" : "$" + SECRET_ENV)
                + ")";
      } else {
        source =
            "SigV4 with the default access key id "
                + EmulatorConfig.DEFAULT_ACCESS_KEY_ID
                + " (secret: EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY)";
      }
      return new Options(builder.build(), source);
    }

    private static String value(String option, Deque<String> queue) {
      String value = queue.poll();
      if (value == null || value.startsWith("--")) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return value;
    }

    private static int integer(String option, Deque<String> queue) {
      try {
        return Integer.parseInt(value(option, queue));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " needs a number");
      }
    }

    private static Duration seconds(String option, Deque<String> queue) {
      return Duration.ofSeconds(integer(option, queue));
    }
  }
}
