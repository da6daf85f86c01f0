package io.camelpcluster.examples.pipeline;

import io.camelpcluster.locals3.LocalS3Settings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The command line of {@link PipelineMain}.
 *
 * @param once run once and exit instead of watching the bucket until stopped
 * @param s3 the settings of the local S3 server
 */
public record PipelineOptions(boolean once, LocalS3Settings s3) {

  /** The environment variable that fixes the local S3 secret key; a random one otherwise. */
  public static final String SECRET_KEY_ENV = "PIPELINE_S3_SECRET_KEY";

  /** Where the local S3 keeps its buckets unless {@code --data-dir} says otherwise. */
  public static final Path DEFAULT_DATA_DIRECTORY =
      Path.of(System.getProperty("java.io.tmpdir"), "camel-pcluster-demo", "s3");

  /** The usage text. */
  public static final String USAGE =
      "usage: PipelineMain [--once] [--data-dir DIR] [--port N] [--access-key KEY]\n"
          + "  --once          start, print the endpoint and exit\n"
          + "  --data-dir DIR  where the local S3 keeps its buckets (default "
          + DEFAULT_DATA_DIRECTORY
          + ")\n"
          + "  --port N        port on 127.0.0.1 (default: a free one)\n"
          + "  --access-key K  access key id (default "
          + LocalS3Settings.DEFAULT_ACCESS_KEY
          + ")\n"
          + "The secret key comes from $"
          + SECRET_KEY_ENV
          + " (a random one if unset) and is never printed.";

  public PipelineOptions {
    Objects.requireNonNull(s3, "s3");
  }

  /**
   * Reads the arguments and the environment.
   *
   * @throws IllegalArgumentException with a message for the user on any invalid argument
   */
  public static PipelineOptions parse(List<String> args, Map<String, String> env) {
    boolean once = false;
    Path dataDirectory = DEFAULT_DATA_DIRECTORY;
    Integer port = null;
    String accessKey = null;
    for (Iterator<String> it = args.iterator(); it.hasNext(); ) {
      String arg = it.next();
      switch (arg) {
        case "--once" -> once = true;
        case "--data-dir" -> dataDirectory = path(value(arg, it));
        case "--port" -> port = port(value(arg, it));
        case "--access-key" -> accessKey = value(arg, it);
        default -> throw new IllegalArgumentException("unknown argument " + shown(arg));
      }
    }
    LocalS3Settings s3 = LocalS3Settings.of(dataDirectory);
    if (port != null) {
      s3 = s3.withPort(port);
    }
    String secretKey = env.get(SECRET_KEY_ENV);
    if (accessKey != null || secretKey != null) {
      s3 =
          s3.withCredentials(
              accessKey != null ? accessKey : s3.accessKey(),
              secretKey != null ? secretKey : s3.secretKey());
    }
    return new PipelineOptions(once, s3);
  }

  private static String value(String option, Iterator<String> it) {
    if (!it.hasNext()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return it.next();
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number, was " + shown(value));
    }
  }

  private static Path path(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("--data-dir must not be blank");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("--data-dir is not a valid path: " + shown(value));
    }
  }

  private static String shown(String value) {
    String cut = value.length() > 64 ? value.substring(0, 64) + "..." : value;
    return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
  }
}
