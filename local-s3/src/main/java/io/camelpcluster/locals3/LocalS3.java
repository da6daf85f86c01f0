package io.camelpcluster.locals3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3-protocol server on 127.0.0.1 for the demo and the tests: S3Proxy with its file system blob
 * store, so buckets and objects live in {@link LocalS3Settings#dataDirectory()} and survive a
 * restart. Clients must sign with AWS Signature Version 4 and the configured keys; they should use
 * path-style requests (the endpoint is an IP address).
 *
 * <p>Limits of the file system store: each '/'-separated key segment becomes a file name, so it may
 * hold at most 218 UTF-8 bytes (a longer one fails with 500); keys with empty or dot segments
 * ({@code a//b}, {@code /a}, {@code .}) fail or are normalised; no bucket versioning. Non-ASCII
 * keys need the JVM to run in a UTF-8 locale.
 */
public final class LocalS3 implements AutoCloseable {
  /** The S3Proxy provider that stores blobs as files. */
  static final String FILESYSTEM_PROVIDER = "filesystem";

  /** The S3Proxy property naming the directory of the file system provider. */
  static final String FILESYSTEM_BASEDIR = "jclouds.filesystem.basedir";

  private static final Logger LOG = LoggerFactory.getLogger(LocalS3.class);
  private static final String HOST = "127.0.0.1";
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final LocalS3Settings settings;
  private final BlobStore blobStore;
  private final S3Proxy proxy;
  private final URI endpoint;

  private LocalS3(LocalS3Settings settings, BlobStore blobStore, S3Proxy proxy) {
    this.settings = settings;
    this.blobStore = blobStore;
    this.proxy = proxy;
    this.endpoint = URI.create("http://" + HOST + ":" + proxy.getPort());
  }

  /**
   * Starts a server with these settings.
   *
   * @throws UncheckedIOException if the data directory cannot be created
   * @throws IllegalStateException if the server does not start, e.g. the port is taken
   */
  public static LocalS3 start(LocalS3Settings settings) {
    Objects.requireNonNull(settings, "settings");
    Path directory = settings.dataDirectory().toAbsolutePath();
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the S3 data directory " + directory, e);
    }
    warnUnlessUtf8FileNames();
    Properties properties = new Properties();
    properties.setProperty(FILESYSTEM_BASEDIR, directory.toString());
    BlobStore blobStore = BlobStores.create(FILESYSTEM_PROVIDER, properties);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(blobStore)
            .endpoint(URI.create("http://" + HOST + ":" + settings.port()))
            .awsAuthentication(
                AuthenticationType.AWS_V4, settings.accessKey(), settings.secretKey())
            .build();
    try {
      proxy.start();
    } catch (Exception e) {
      stopQuietly(proxy, e);
      blobStore.close();
      throw new IllegalStateException(
          "S3Proxy did not start on " + HOST + ":" + settings.port() + ": " + e.getMessage(), e);
    }
    return new LocalS3(settings, blobStore, proxy);
  }

  /** The base URL clients talk to, e.g. {@code http://127.0.0.1:43117}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The access key id clients sign with. */
  public String accessKey() {
    return settings.accessKey();
  }

  /** The secret access key clients sign with. */
  public String secretKey() {
    return settings.secretKey();
  }

  /** The region clients sign for. */
  public String region() {
    return settings.region();
  }

  /** The directory that holds the buckets. */
  public Path dataDirectory() {
    return settings.dataDirectory();
  }

  /**
   * Creates the bucket unless it exists.
   *
   * @throws IllegalArgumentException if the name is not a valid S3 bucket name
   */
  public void createBucket(String name) {
    requireBucketName(name);
    if (!blobStore.containerExists(name)) {
      blobStore.createContainer(name);
    }
  }

  /** Stops the server; the data directory and its buckets stay. */
  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop cleanly: " + e.getMessage(), e);
    } finally {
      blobStore.close();
    }
  }

  @Override
  public String toString() {
    return "LocalS3[endpoint=" + endpoint + ", dataDirectory=" + dataDirectory() + "]";
  }

  /** S3's naming rules for general purpose buckets, so that every name is also a safe file name. */
  static void requireBucketName(String name) {
    if (name == null
        || !BUCKET.matcher(name).matches()
        || name.contains("..")
        || IPV4.matcher(name).matches()) {
      String shown =
          name == null
              ? "null"
              : '"' + (name.length() > 70 ? name.substring(0, 70) + "..." : name) + '"';
      throw new IllegalArgumentException(
          "invalid bucket name "
              + shown.replaceAll("\\p{Cntrl}", "?")
              + ": use 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending"
              + " with a letter or digit, without '..', not an IP address");
    }
  }

  /** Java 17 encodes file names in the locale's charset: under LANG=C it cannot store "ü". */
  private static void warnUnlessUtf8FileNames() {
    String encoding = System.getProperty("native.encoding", "");
    if (!encoding.equalsIgnoreCase("UTF-8")) {
      LOG.warn(
          "The JVM encodes file names as {}: S3Proxy will refuse object keys with non-ASCII"
              + " characters (400 Bad Request). Run Java in a UTF-8 locale, e.g. LANG=C.UTF-8.",
          encoding);
    }
  }

  private static void stopQuietly(S3Proxy proxy, Exception cause) {
    try {
      proxy.stop();
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }
}
