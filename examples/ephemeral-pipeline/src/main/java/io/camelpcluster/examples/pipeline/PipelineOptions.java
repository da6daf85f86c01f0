package io.camelpcluster.examples.pipeline;

import io.camelpcluster.locals3.LocalS3Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The command line of {@link PipelineMain}.
 *
 * @param once process the inputs in the bucket (and the sample), then exit, instead of watching the
 *     bucket until stopped
 * @param dataDirectory the demo's own state: the local S3's buckets, the emulator's state and the
 *     pipeline's journal
 * @param localS3 the settings of the local S3 server, used when {@code s3} is embedded
 * @param s3 where S3 is
 * @param pcluster where the ParallelCluster API is
 * @param ssmEndpoint the Systems Manager endpoint when {@code pcluster} is an endpoint, else null
 * @param sample whether to upload the sample input
 * @param propertyFiles more Camel Main properties files, each overriding the ones before
 * @param consolePort the port on 127.0.0.1 of the web console, or null for none
 */
public record PipelineOptions(
    boolean once,
    Path dataDirectory,
    LocalS3Settings localS3,
    Backend s3,
    Backend pcluster,
    URI ssmEndpoint,
    boolean sample,
    List<Path> propertyFiles,
    Integer consolePort) {

  /** The environment variable with the access key id of S3 (also settable with --access-key). */
  public static final String S3_ACCESS_KEY_ENV = "PIPELINE_S3_ACCESS_KEY";

  /**
   * The environment variable with the secret key of S3: the local S3's (a random one if unset) or
   * that of {@code --s3-endpoint} (then required).
   */
  public static final String SECRET_KEY_ENV = "PIPELINE_S3_SECRET_KEY";

  /** The environment variable with the access key id of {@code --pcluster-endpoint}. */
  public static final String PCLUSTER_ACCESS_KEY_ENV = "PIPELINE_PCLUSTER_ACCESS_KEY";

  /** The environment variable with the secret key of {@code --pcluster-endpoint}. */
  public static final String PCLUSTER_SECRET_KEY_ENV = "PIPELINE_PCLUSTER_SECRET_KEY";

  /** The region of the given endpoints unless {@code --region} says otherwise. */
  public static final String DEFAULT_REGION = "us-east-1";

  /** Where the demo keeps its state unless {@code --data-dir} says otherwise. */
  public static final Path DEFAULT_DATA_DIRECTORY =
      Path.of(System.getProperty("java.io.tmpdir"), "camel-pcluster-demo");

  /** The usage text. */
  public static final String USAGE =
      """
      usage: PipelineMain [--once] [--data-dir DIR] [--no-sample] [--properties FILE]...
                          [--port N] [--access-key KEY] [--s3-endpoint URL]
                          [--pcluster-endpoint URL] [--ssm-endpoint URL] [--region R] [--aws]
                          [--console PORT]
        --once                  process the inputs in the bucket (and the sample), then exit:
                                0 if every input this run processed succeeded, 1 otherwise
        --data-dir DIR          the demo's state: s3/ (local S3), emulator/ (emulator state),
                                journal/ (pipeline runs); default %s
        --no-sample             do not upload the sample input
        --properties FILE       more Camel Main properties (camel.component.*, pipeline.*),
                                overriding application.properties; repeatable
        --port N                port of the local S3 on 127.0.0.1 (default: a free one)
        --access-key KEY        access key id of S3 (default %s, or $%s)
        --s3-endpoint URL       use this S3 server instead of starting one; secret key from
                                $%s
        --pcluster-endpoint URL use this ParallelCluster API (invoke URL) instead of starting
                                the emulator; credentials from $%s and $%s
        --ssm-endpoint URL      Systems Manager endpoint of --pcluster-endpoint (default: its
                                scheme, host and port)
        --region R              region of the given endpoints (default %s)
        --aws                   start nothing: S3 and ParallelCluster come from the Camel
                                properties (real AWS; see the README)
        --console PORT          serve the web console on 127.0.0.1:PORT/pcluster (user demo,
                                a random password printed at start)
      Secret keys are read from the environment only, and never printed."""
          .formatted(
              DEFAULT_DATA_DIRECTORY,
              LocalS3Settings.DEFAULT_ACCESS_KEY,
              S3_ACCESS_KEY_ENV,
              SECRET_KEY_ENV,
              PCLUSTER_ACCESS_KEY_ENV,
              PCLUSTER_SECRET_KEY_ENV,
              DEFAULT_REGION);

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+){1,4}");
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");

  /** Checks that nothing is missing and that an endpoint API comes with its SSM endpoint. */
  public PipelineOptions {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(localS3, "localS3");
    Objects.requireNonNull(s3, "s3");
    Objects.requireNonNull(pcluster, "pcluster");
    if ((pcluster.mode() == Backend.Mode.ENDPOINT) != (ssmEndpoint != null)) {
      throw new IllegalArgumentException("an SSM endpoint goes with a ParallelCluster endpoint");
    }
    propertyFiles = List.copyOf(propertyFiles);
  }

  /** Where the local S3 keeps its buckets. */
  public Path s3Directory() {
    return dataDirectory.resolve("s3");
  }

  /** Where the emulator keeps its state. */
  public Path emulatorDirectory() {
    return dataDirectory.resolve("emulator");
  }

  /** Where the pipeline's journal keeps its runs. */
  public Path journalDirectory() {
    return dataDirectory.resolve("journal");
  }

  /**
   * Reads the arguments and the environment.
   *
   * @throws IllegalArgumentException with a message for the user on any invalid argument
   */
  public static PipelineOptions parse(List<String> args, Map<String, String> env) {
    boolean once = false;
    boolean sample = true;
    boolean aws = false;
    Path dataDirectory = DEFAULT_DATA_DIRECTORY;
    Integer port = null;
    String accessKey = null;
    URI s3Endpoint = null;
    URI pclusterEndpoint = null;
    URI ssmEndpoint = null;
    String region = null;
    List<Path> propertyFiles = new ArrayList<>();
    Integer consolePort = null;
    for (Iterator<String> it = args.iterator(); it.hasNext(); ) {
      String arg = it.next();
      switch (arg) {
        case "--once" -> once = true;
        case "--no-sample" -> sample = false;
        case "--aws" -> aws = true;
        case "--data-dir" -> dataDirectory = path(arg, value(arg, it));
        case "--properties" -> propertyFiles.add(propertiesFile(value(arg, it)));
        case "--port" -> port = port(arg, value(arg, it));
        case "--console" -> consolePort = port(arg, value(arg, it));
        case "--access-key" -> accessKey = value(arg, it);
        case "--s3-endpoint" -> s3Endpoint = url(arg, value(arg, it));
        case "--pcluster-endpoint" -> pclusterEndpoint = url(arg, value(arg, it));
        case "--ssm-endpoint" -> ssmEndpoint = url(arg, value(arg, it));
        case "--region" -> region = region(value(arg, it));
        default -> throw new IllegalArgumentException("unknown argument " + shown(arg));
      }
    }
    if (aws) {
      for (var given :
          Map.of(
                  "--s3-endpoint", s3Endpoint != null,
                  "--pcluster-endpoint", pclusterEndpoint != null,
                  "--ssm-endpoint", ssmEndpoint != null,
                  "--port", port != null,
                  "--access-key", accessKey != null,
                  "--region", region != null)
              .entrySet()) {
        if (given.getValue()) {
          throw new IllegalArgumentException(
              "--aws takes S3 and ParallelCluster from the Camel properties: it cannot be combined"
                  + " with "
                  + given.getKey());
        }
      }
    }
    if (ssmEndpoint != null && pclusterEndpoint == null) {
      throw new IllegalArgumentException("--ssm-endpoint needs --pcluster-endpoint");
    }
    if (s3Endpoint != null && port != null) {
      throw new IllegalArgumentException(
          "--port is the local S3's: it cannot go with --s3-endpoint");
    }
    if (region == null) {
      region = DEFAULT_REGION;
    }
    if (accessKey == null) {
      accessKey = env.get(S3_ACCESS_KEY_ENV);
    }
    String secretKey = env.get(SECRET_KEY_ENV);

    LocalS3Settings localS3 = LocalS3Settings.of(dataDirectory.resolve("s3"));
    if (port != null) {
      localS3 = localS3.withPort(port);
    }
    Backend s3;
    if (aws) {
      s3 = Backend.configured();
    } else if (s3Endpoint != null) {
      s3 =
          Backend.endpoint(
              s3Endpoint,
              key(
                  "the access key of --s3-endpoint (--access-key or $" + S3_ACCESS_KEY_ENV + ")",
                  accessKey),
              key("the secret key of --s3-endpoint ($" + SECRET_KEY_ENV + ")", secretKey),
              region);
    } else {
      s3 = Backend.embedded();
      if (accessKey != null || secretKey != null) {
        localS3 =
            localS3.withCredentials(
                accessKey != null ? accessKey : localS3.accessKey(),
                secretKey != null ? secretKey : localS3.secretKey());
      }
    }

    Backend pcluster;
    if (aws) {
      pcluster = Backend.configured();
    } else if (pclusterEndpoint != null) {
      pcluster =
          Backend.endpoint(
              pclusterEndpoint,
              key(
                  "the access key of --pcluster-endpoint ($" + PCLUSTER_ACCESS_KEY_ENV + ")",
                  env.get(PCLUSTER_ACCESS_KEY_ENV)),
              key(
                  "the secret key of --pcluster-endpoint ($" + PCLUSTER_SECRET_KEY_ENV + ")",
                  env.get(PCLUSTER_SECRET_KEY_ENV)),
              region);
      if (ssmEndpoint == null) {
        ssmEndpoint =
            URI.create(pclusterEndpoint.getScheme() + "://" + pclusterEndpoint.getRawAuthority());
      }
    } else {
      pcluster = Backend.embedded();
    }
    return new PipelineOptions(
        once,
        dataDirectory,
        localS3,
        s3,
        pcluster,
        ssmEndpoint,
        sample,
        propertyFiles,
        consolePort);
  }

  private static String value(String option, Iterator<String> it) {
    if (!it.hasNext()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return it.next();
  }

  private static int port(String option, String value) {
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number, was " + shown(value));
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(option + " must be 1..65535, was " + port);
    }
    return port;
  }

  private static Path path(String option, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(option + " must not be blank");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(option + " is not a valid path: " + shown(value));
    }
  }

  private static Path propertiesFile(String value) {
    Path file = path("--properties", value);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("--properties: no readable file " + shown(value));
    }
    return file;
  }

  private static URI url(String option, String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(option + " is not a URL: " + shown(value));
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          option
              + " must be an http or https URL with a host and without user, query or fragment,"
              + " was "
              + shown(value));
    }
    return uri;
  }

  private static String region(String value) {
    if (!REGION.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "--region must look like an AWS region such as us-east-1, was " + shown(value));
    }
    return value;
  }

  /** A required key; the message names it but never echoes the value. */
  private static String key(String what, String value) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    if (!KEY.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " must be 1 to 128 printable ASCII characters without spaces");
    }
    return value;
  }

  private static String shown(String value) {
    String cut = value.length() > 64 ? value.substring(0, 64) + "..." : value;
    return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
  }
}
