package io.camelpcluster.pcluster;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The Systems Manager clients of a component's {@code ssm} head-node accesses: one per region,
 * credentials and endpoint. Closing closes every client and credentials provider it built.
 */
final class SsmClients implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SsmClients.class);

  private record Key(String region, CredentialsSource credentials, Optional<URI> endpoint) {}

  private record Entry(SsmClient client, AwsCredentialsProvider credentials) {}

  private final Map<Key, Entry> clients = new ConcurrentHashMap<>();

  /** The client for a region, built on first use. */
  SsmClient clientFor(String region, HeadNodeSettings.SsmConnection connection) {
    return clients
        .computeIfAbsent(
            new Key(region, connection.credentials(), connection.endpointOverride()), this::build)
        .client();
  }

  private Entry build(Key key) {
    AwsCredentialsProvider credentials = key.credentials().provider();
    try {
      var builder =
          SsmClient.builder()
              .region(Region.of(key.region()))
              .credentialsProvider(credentials)
              .httpClient(UrlConnectionHttpClient.create());
      key.endpoint().ifPresent(builder::endpointOverride);
      SsmClient client = builder.build();
      LOG.debug("Created an SSM client for {}", key);
      return new Entry(client, credentials);
    } catch (RuntimeException e) {
      closeQuietly(credentials);
      throw e;
    }
  }

  @Override
  public void close() {
    clients
        .values()
        .forEach(
            entry -> {
              entry.client().close();
              closeQuietly(entry.credentials());
            });
    clients.clear();
  }

  private static void closeQuietly(AwsCredentialsProvider credentials) {
    if (credentials instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warn("Could not close the AWS credentials provider {}", credentials, e);
      }
    }
  }
}
