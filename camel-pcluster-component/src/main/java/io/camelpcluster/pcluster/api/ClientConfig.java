package io.camelpcluster.pcluster.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** The resolved settings of a client (see {@link ParallelClusterClientBuilder}). */
record ClientConfig(
    URI endpoint,
    String defaultRegion,
    String signingRegion,
    AwsCredentialsProvider credentialsProvider,
    Duration requestTimeout,
    RetryPolicy retryPolicy,
    Duration maybeCreatedProbeDelay,
    HttpClient httpClient,
    Clock clock,
    ScheduledExecutorService scheduler) {}
