package io.camelpcluster.pcluster.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Configures a {@link ParallelClusterAsyncClient} ({@link #buildAsync()}) or a {@link
 * ParallelClusterClient} ({@link #build()}). Only the endpoint is required.
 */
public final class ParallelClusterClientBuilder {
  private URI endpoint;
  private String region;
  private String signingRegion;
  private AwsCredentialsProvider credentialsProvider;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration requestTimeout = Duration.ofSeconds(35);
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private Duration maybeCreatedProbeDelay = Duration.ofSeconds(2);
  private HttpClient httpClient;
  private Clock clock = Clock.systemUTC();
  private ScheduledExecutorService scheduler;

  ParallelClusterClientBuilder() {}

  /**
   * The API's invoke URL including the stage, e.g. {@code
   * https://abc123.execute-api.eu-west-1.amazonaws.com/prod} (or a custom domain); {@code /v3/...}
   * is appended.
   */
  public ParallelClusterClientBuilder endpoint(URI endpoint) {
    this.endpoint = endpoint;
    return this;
  }

  /** The region sent as the {@code region} query parameter of requests that set none. */
  public ParallelClusterClientBuilder region(String region) {
    this.region = region;
    return this;
  }

  /**
   * The region to sign with: the API's own region. Default: the third label of an {@code
   * execute-api} host, else {@link #region(String)}.
   */
  public ParallelClusterClientBuilder signingRegion(String signingRegion) {
    this.signingRegion = signingRegion;
    return this;
  }

  /**
   * Where the AWS credentials come from. Default: the SDK's default chain. Use {@code
   * StaticCredentialsProvider} for explicit keys; session credentials add {@code
   * X-Amz-Security-Token}.
   */
  public ParallelClusterClientBuilder credentialsProvider(AwsCredentialsProvider provider) {
    this.credentialsProvider = provider;
    return this;
  }

  /** How long to wait for a connection (default 10 s); ignored with {@link #httpClient}. */
  public ParallelClusterClientBuilder connectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
    return this;
  }

  /** How long to wait for each attempt's answer (default 35 s, above API Gateway's 29 s). */
  public ParallelClusterClientBuilder requestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
    return this;
  }

  /** Attempts and backoff (default {@link RetryPolicy#defaults()}). */
  public ParallelClusterClientBuilder retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = retryPolicy;
    return this;
  }

  /**
   * How long to wait before describing a resource whose Create/Update/Build answer was lost
   * (default 2 s).
   */
  public ParallelClusterClientBuilder maybeCreatedProbeDelay(Duration delay) {
    this.maybeCreatedProbeDelay = delay;
    return this;
  }

  /** The JDK HTTP client to use instead of a new one (it must not follow redirects). */
  public ParallelClusterClientBuilder httpClient(HttpClient httpClient) {
    this.httpClient = httpClient;
    return this;
  }

  /** The clock for signatures, {@code Retry-After} dates and recovery checks (default UTC). */
  public ParallelClusterClientBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * The scheduler that runs retry delays (default: one daemon thread owned by the client). A given
   * scheduler is not shut down by {@code close()}.
   */
  public ParallelClusterClientBuilder scheduler(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
    return this;
  }

  /** A new asynchronous client. */
  public ParallelClusterAsyncClient buildAsync() {
    validate();
    List<AutoCloseable> owned = new ArrayList<>();
    AwsCredentialsProvider credentials = credentialsProvider;
    if (credentials == null) {
      DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
      owned.add(chain);
      credentials = chain;
    }
    ScheduledExecutorService retryScheduler = scheduler;
    if (retryScheduler == null) {
      ScheduledThreadPoolExecutor own =
          new ScheduledThreadPoolExecutor(
              1,
              runnable -> {
                Thread thread = Executors.defaultThreadFactory().newThread(runnable);
                thread.setName("pcluster-client-retries");
                thread.setDaemon(true);
                return thread;
              });
      own.setRemoveOnCancelPolicy(true);
      owned.add(own::shutdownNow);
      retryScheduler = own;
    }
    HttpClient client =
        httpClient != null
            ? httpClient
            : HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    ClientConfig config =
        new ClientConfig(
            endpoint,
            region,
            signingRegion != null ? signingRegion : signingRegionOf(endpoint, region),
            credentials,
            requestTimeout,
            retryPolicy,
            maybeCreatedProbeDelay,
            client,
            clock,
            retryScheduler);
    return new ParallelClusterAsyncClient(config, owned);
  }

  /** A new synchronous client. */
  public ParallelClusterClient build() {
    return ParallelClusterClient.wrap(buildAsync());
  }

  private void validate() {
    Objects.requireNonNull(endpoint, "endpoint is required");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    Objects.requireNonNull(maybeCreatedProbeDelay, "maybeCreatedProbeDelay");
    Objects.requireNonNull(clock, "clock");
    String scheme = endpoint.getScheme();
    if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)
        || endpoint.getHost() == null
        || endpoint.getRawQuery() != null
        || endpoint.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "endpoint must be an http(s) URL without query or fragment, got " + endpoint);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive");
    }
    if (maybeCreatedProbeDelay.isNegative()) {
      throw new IllegalArgumentException("maybeCreatedProbeDelay must not be negative");
    }
    for (String code : new String[] {region, signingRegion}) {
      if (code != null && !RequestValidation.isRegionCode(code)) {
        throw new IllegalArgumentException(
            "region must be an AWS region code such as eu-west-1, got " + Texts.quote(code));
      }
    }
  }

  /** The third label of {@code <id>.execute-api.<region>.amazonaws.com}, else {@code region}. */
  static String signingRegionOf(URI endpoint, String region) {
    String[] labels = endpoint.getHost().split("\\.");
    if (labels.length >= 4 && labels[1].equals("execute-api")) {
      return labels[2];
    }
    if (region == null) {
      throw new IllegalArgumentException(
          "signingRegion (or region) is required for an endpoint that is not an execute-api host: "
              + endpoint);
    }
    return region;
  }
}
