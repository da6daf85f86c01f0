package io.camelpcluster.pcluster.wait;

import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.api.RetryPolicy;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.DeleteClusterRequest;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** An emulator, a client signed for it, a scheduler and a wait service, for one test. */
final class EmulatedApi implements AutoCloseable {
  final PclusterEmulator emulator;
  final ParallelClusterAsyncClient client;
  final ScheduledExecutorService scheduler;
  final WaitService waits;

  private EmulatedApi(EmulatorConfig config, RetryPolicy retries, Duration absenceGrace) {
    emulator = PclusterEmulator.start(config);
    client =
        ParallelClusterAsyncClient.builder()
            .endpoint(emulator.endpoint())
            .region(emulator.region())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        EmulatorConfig.DEFAULT_ACCESS_KEY_ID,
                        EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY)))
            .retryPolicy(retries)
            .buildAsync();
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2);
    pool.setRemoveOnCancelPolicy(true);
    scheduler = Executors.unconfigurableScheduledExecutorService(pool);
    waits = new WaitService(scheduler, absenceGrace, java.time.Clock.systemUTC());
  }

  static EmulatedApi start(EmulatorConfig config) {
    return new EmulatedApi(config, RetryPolicy.defaults(), Duration.ofMillis(500));
  }

  static EmulatedApi start(EmulatorConfig config, RetryPolicy retries, Duration absenceGrace) {
    return new EmulatedApi(config, retries, absenceGrace);
  }

  void createCluster(String name) {
    createCluster(name, Configs.slurm());
  }

  void createCluster(String name, String config) {
    client.createCluster(CreateClusterRequest.of(name, config)).join();
  }

  void deleteCluster(String name) {
    client.deleteCluster(DeleteClusterRequest.of(name)).join();
  }

  /** ListClusters calls received so far (every page counts). */
  long listClustersCalls() {
    return count("GET", "/v3/clusters");
  }

  /** Requests with this method whose path ends with {@code pathEnd}. */
  long count(String method, String pathEnd) {
    return emulator.requests().all().stream()
        .filter(r -> r.method().equals(method) && r.path().endsWith(pathEnd))
        .count();
  }

  @Override
  public void close() {
    waits.close();
    client.close();
    scheduler.shutdownNow();
    emulator.close();
  }
}
