package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.headnode.HeadNodeAccessOptions;
import io.camelpcluster.pcluster.headnode.HeadNodeAccessType;
import io.camelpcluster.pcluster.headnode.HostKeyPolicy;
import io.camelpcluster.pcluster.headnode.SshSettings;
import io.camelpcluster.pcluster.headnode.SsmSettings;
import io.camelpcluster.pcluster.jobs.JobServiceOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.util.ObjectHelper;

/**
 * How an endpoint reaches head nodes, from its options only (never from message data): the
 * transport, the cluster user, the SSH or SSM settings, which address of the head node to use, and
 * the command timeout. Endpoints with equal settings share accesses; {@link #toString()} never
 * shows a secret.
 *
 * @param type the transport ({@code headNodeAccess})
 * @param user the POSIX user commands run as ({@code clusterUser})
 * @param allowedUsers the users {@code user} may be ({@code allowedUsers}); empty: {@code user}
 * @param ssh the SSH settings, for {@code ssh}
 * @param ssm how to reach SSM, for {@code ssm}: the client itself depends on the cluster's region
 * @param address which IP address of the head node SSH connects to
 * @param host for SSH, a host to connect to instead of the head node's address
 * @param commandTimeout how long one command may run
 */
record HeadNodeSettings(
    HeadNodeAccessType type,
    String user,
    Set<String> allowedUsers,
    Optional<SshSettings> ssh,
    Optional<SsmConnection> ssm,
    Address address,
    Optional<String> host,
    Duration commandTimeout) {

  /** Which of the head node's addresses DescribeCluster reports is used. */
  enum Address {
    PUBLIC,
    PRIVATE
  }

  /**
   * How the SSM clients of an endpoint are made; the region is the cluster's.
   *
   * @param credentials the endpoint's AWS credentials (those of the API calls)
   * @param endpointOverride an SSM endpoint to call instead of the region's
   * @param pollInterval how often the commands in flight are checked
   */
  record SsmConnection(
      CredentialsSource credentials, Optional<URI> endpointOverride, Duration pollInterval) {}

  /**
   * The settings an endpoint's options describe.
   *
   * @throws IllegalArgumentException naming the option that is missing or wrong
   */
  static HeadNodeSettings of(PclusterConfiguration configuration) {
    HeadNodeAccessType type = HeadNodeAccessType.of(configuration.getHeadNodeAccess());
    Duration timeout = positive(configuration.getCommandTimeout(), "commandTimeout");
    Optional<SshSettings> ssh =
        type == HeadNodeAccessType.SSH ? Optional.of(ssh(configuration)) : Optional.empty();
    Optional<SsmConnection> ssm =
        type == HeadNodeAccessType.SSM ? Optional.of(ssm(configuration)) : Optional.empty();
    Optional<String> host =
        type == HeadNodeAccessType.SSH && !ObjectHelper.isEmpty(configuration.getHeadNodeHost())
            ? Optional.of(configuration.getHeadNodeHost().strip())
            : Optional.empty();
    HeadNodeSettings settings =
        new HeadNodeSettings(
            type,
            configuration.getClusterUser(),
            allowedUsers(configuration),
            ssh,
            ssm,
            address(configuration),
            host,
            timeout);
    // the user names are checked as every access checks them, before anything is looked up
    new HeadNodeAccessOptions(
        HeadNodeAccessType.LOCAL, settings.user(), settings.allowedUsers(), Optional.empty());
    return settings;
  }

  /** The options of an access; {@code ssmSettings} are those of the cluster's region for ssm. */
  HeadNodeAccessOptions accessOptions(Optional<SsmSettings> ssmSettings) {
    return new HeadNodeAccessOptions(type, user, allowedUsers, ssh, ssmSettings);
  }

  /**
   * The options of the head node's job service: the time zone Slurm prints times in is this
   * machine's for {@code local}, UTC (ParallelCluster's) otherwise.
   */
  JobServiceOptions jobServiceOptions() {
    JobServiceOptions defaults = JobServiceOptions.defaults();
    return new JobServiceOptions(
        type == HeadNodeAccessType.LOCAL ? ZoneId.systemDefault() : defaults.headNodeZone(),
        commandTimeout,
        defaults.lostAfter());
  }

  private static SshSettings ssh(PclusterConfiguration configuration) {
    String key = configuration.getSshPrivateKeyFile();
    if (ObjectHelper.isEmpty(key)) {
      throw new IllegalArgumentException(
          "headNodeAccess=ssh needs sshPrivateKeyFile, the private key to log in with");
    }
    String knownHosts = configuration.getSshKnownHostsFile();
    Path knownHostsFile =
        ObjectHelper.isEmpty(knownHosts)
            ? Path.of(System.getProperty("user.home"), ".ssh", "known_hosts")
            : Path.of(knownHosts);
    HostKeyPolicy policy;
    try {
      policy = HostKeyPolicy.of(configuration.getSshHostKeyPolicy());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("sshHostKeyPolicy: " + e.getMessage(), e);
    }
    SshSettings settings =
        SshSettings.of(Path.of(key), knownHostsFile)
            .withHostKeyPolicy(policy)
            .withPort(configuration.getSshPort());
    String passphrase = configuration.getSshPassphrase();
    return ObjectHelper.isEmpty(passphrase) ? settings : settings.withPassphrase(passphrase);
  }

  private static SsmConnection ssm(PclusterConfiguration configuration) {
    Optional<URI> endpoint = Optional.empty();
    String url = configuration.getSsmEndpointOverride();
    if (!ObjectHelper.isEmpty(url)) {
      try {
        endpoint = Optional.of(new URI(url.strip()));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "ssmEndpointOverride is not a valid URL: " + e.getMessage(), e);
      }
    }
    return new SsmConnection(
        CredentialsSource.of(configuration),
        endpoint,
        positive(configuration.getSsmPollInterval(), "ssmPollInterval"));
  }

  private static Set<String> allowedUsers(PclusterConfiguration configuration) {
    Set<String> users = new LinkedHashSet<>();
    String list = configuration.getAllowedUsers();
    if (list != null) {
      Arrays.stream(list.split(","))
          .map(String::strip)
          .filter(user -> !user.isEmpty())
          .forEach(users::add);
    }
    return users;
  }

  private static Address address(PclusterConfiguration configuration) {
    String value = configuration.getHeadNodeAddress();
    try {
      return value == null
          ? Address.PUBLIC
          : Address.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "headNodeAddress must be public or private, got '" + value + "'", e);
    }
  }

  private static Duration positive(Duration duration, String option) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(option + " must be positive, got " + duration);
    }
    return duration;
  }
}
