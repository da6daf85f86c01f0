package io.camelpcluster.examples.pipeline;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.locals3.LocalS3;
import io.camelpcluster.locals3.LocalS3Clients;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The services the demo starts in process when its options say so: the local S3 (S3Proxy,
 * file-backed) and the ParallelCluster emulator (state persisted, Systems Manager answering for the
 * head nodes by running commands on this machine, where the local Slurm runs). It also turns the
 * options into the Camel component properties that point {@code aws2-s3} and {@code pcluster} at
 * them, or at the endpoints given on the command line; for real AWS it adds none.
 */
final class DemoServices implements AutoCloseable {
  /** How long the emulator takes to create a cluster: short, but long enough to watch. */
  static final Duration CREATE_DURATION = Duration.ofSeconds(5);

  /** How long the emulator takes to delete a cluster. */
  static final Duration DELETE_DURATION = Duration.ofSeconds(3);

  /** The access key id of the in-process emulator (its secret key is random per start). */
  static final String EMULATOR_ACCESS_KEY = "AKIADEMOEMULATOR0000";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final LocalS3 localS3;
  private final PclusterEmulator emulator;
  private final Map<String, String> camelProperties;
  private final S3Presigner presigner;

  private DemoServices(
      LocalS3 localS3,
      PclusterEmulator emulator,
      Map<String, String> camelProperties,
      S3Presigner presigner) {
    this.localS3 = localS3;
    this.emulator = emulator;
    this.camelProperties = Map.copyOf(camelProperties);
    this.presigner = presigner;
  }

  /** Starts what the options embed and reports each start on {@code out}. */
  static DemoServices start(PipelineOptions options, PrintStream out) {
    Map<String, String> properties = new LinkedHashMap<>();
    LocalS3 localS3 = null;
    PclusterEmulator emulator = null;
    S3Presigner presigner = null;
    try {
      switch (options.s3().mode()) {
        case EMBEDDED -> {
          long start = System.nanoTime();
          localS3 = LocalS3.start(options.localS3());
          s3Properties(
              properties,
              localS3.endpoint().toString(),
              localS3.accessKey(),
              localS3.secretKey(),
              localS3.region());
          presigner = LocalS3Clients.presigner(localS3);
          out.printf(
              "local S3 (S3Proxy, file-backed) on %s, data in %s (%d ms)%n",
              localS3.endpoint(), localS3.dataDirectory().toAbsolutePath(), millisSince(start));
        }
        case ENDPOINT -> {
          Backend s3 = options.s3();
          s3Properties(
              properties, s3.endpoint().toString(), s3.accessKey(), s3.secretKey(), s3.region());
          presigner = presigner(s3);
          out.println("S3 at " + s3.endpoint());
        }
        case CONFIGURED -> out.println("S3 as the camel.component.aws2-s3.* properties say");
      }
      switch (options.pcluster().mode()) {
        case EMBEDDED -> {
          long start = System.nanoTime();
          String emulatorSecret = randomSecret();
          emulator =
              PclusterEmulator.start(
                  EmulatorConfig.builder()
                      .credentials(EMULATOR_ACCESS_KEY, emulatorSecret)
                      .createDuration(CREATE_DURATION)
                      .deleteDuration(DELETE_DURATION)
                      .stateDir(options.emulatorDirectory())
                      .build());
          pclusterProperties(
              properties,
              emulator.endpoint().toString(),
              emulator.ssmEndpoint().toString(),
              EMULATOR_ACCESS_KEY,
              emulatorSecret,
              emulator.region());
          out.printf(
              "ParallelCluster emulator on %s (create %d s, delete %d s; SSM runs commands on this"
                  + " machine's Slurm), state in %s (%d ms)%n",
              emulator.endpoint(),
              CREATE_DURATION.toSeconds(),
              DELETE_DURATION.toSeconds(),
              options.emulatorDirectory().toAbsolutePath(),
              millisSince(start));
        }
        case ENDPOINT -> {
          Backend api = options.pcluster();
          pclusterProperties(
              properties,
              api.endpoint().toString(),
              options.ssmEndpoint().toString(),
              api.accessKey(),
              api.secretKey(),
              api.region());
          out.println("ParallelCluster API at " + api.endpoint());
        }
        case CONFIGURED ->
            out.println("ParallelCluster API as the camel.component.pcluster.* properties say");
      }
      return new DemoServices(localS3, emulator, properties, presigner);
    } catch (RuntimeException e) {
      closeQuietly(presigner, e);
      closeQuietly(localS3, e);
      closeQuietly(emulator, e);
      throw e;
    }
  }

  /**
   * The Camel properties that point the components at the embedded services or given endpoints;
   * they override what the properties files say. Empty for real AWS.
   */
  Map<String, String> camelProperties() {
    return camelProperties;
  }

  /**
   * The presigner of the pipeline's links to S3 for an embedded or given S3 endpoint (path-style),
   * to bind in the registry; null for real AWS, where the pipeline takes the SDK's defaults.
   */
  S3Presigner presigner() {
    return presigner;
  }

  /** The in-process emulator, or null. */
  PclusterEmulator emulator() {
    return emulator;
  }

  /** The in-process local S3, or null. */
  LocalS3 localS3() {
    return localS3;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (AutoCloseable service : new AutoCloseable[] {presigner, emulator, localS3}) {
      if (service == null) {
        continue;
      }
      try {
        service.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("a demo service did not stop cleanly", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "DemoServices[localS3="
        + localS3
        + ", emulator="
        + (emulator == null ? null : emulator.endpoint())
        + "]";
  }

  private static void s3Properties(
      Map<String, String> properties,
      String endpoint,
      String accessKey,
      String secretKey,
      String region) {
    String prefix = "camel.component.aws2-s3.";
    properties.put(prefix + "accessKey", accessKey);
    properties.put(prefix + "secretKey", secretKey);
    properties.put(prefix + "region", region);
    properties.put(prefix + "overrideEndpoint", "true");
    properties.put(prefix + "uriEndpointOverride", endpoint);
    properties.put(prefix + "forcePathStyle", "true");
  }

  private static void pclusterProperties(
      Map<String, String> properties,
      String endpoint,
      String ssmEndpoint,
      String accessKey,
      String secretKey,
      String region) {
    String prefix = "camel.component.pcluster.";
    properties.put(prefix + "uriEndpointOverride", endpoint);
    properties.put(prefix + "region", region);
    properties.put(prefix + "accessKey", accessKey);
    properties.put(prefix + "secretKey", secretKey);
    properties.put(prefix + "headNodeAccess", "ssm");
    properties.put(prefix + "ssmEndpointOverride", ssmEndpoint);
    properties.put(prefix + "pollInterval", "1s");
    properties.put(prefix + "ssmPollInterval", "250ms");
  }

  private static S3Presigner presigner(Backend s3) {
    return S3Presigner.builder()
        .endpointOverride(s3.endpoint())
        .region(Region.of(s3.region()))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
        .build();
  }

  private static String randomSecret() {
    byte[] bytes = new byte[20];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static long millisSince(long nanoStart) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoStart);
  }

  private static void closeQuietly(AutoCloseable service, RuntimeException cause) {
    if (service == null) {
      return;
    }
    try {
      service.close();
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }
}
