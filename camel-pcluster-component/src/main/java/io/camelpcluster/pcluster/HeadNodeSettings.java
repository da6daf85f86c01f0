package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.headnode.HeadNodeAccessOptions;
import io.camelpcluster.pcluster.headnode.HeadNodeAccessType;
import io.camelpcluster.pcluster.headnode.HostKeyPolicy;
import io.camelpcluster.pcluster.headnode.SshSettings;
import io.camelpcluster.pcluster.jobs.JobServiceOptions;
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
 * How an endpoint reaches head nodes, from its options only (never from message data): the access
 * options, which address of the head node to use, and the command timeout. Endpoints with equal
 * settings share accesses; {@link #toString()} never shows a secret.
 *
 * @param access the transport, the cluster user and the SSH settings
 * @param address which IP address of the head node SSH connects to
 * @param host for SSH, a host to connect to instead of the head node's address
 * @param commandTimeout how long one command may run
 */
record HeadNodeSettings(
    HeadNodeAccessOptions access, Address address, Optional<String> host, Duration commandTimeout) {

  /** Which of the head node's addresses DescribeCluster reports is used. */
  enum Address {
    PUBLIC,
    PRIVATE
  }

  /**
   * The settings an endpoint's options describe.
   *
   * @throws IllegalArgumentException naming the option that is missing or wrong
   */
  static HeadNodeSettings of(PclusterConfiguration configuration) {
    HeadNodeAccessType type = HeadNodeAccessType.of(configuration.getHeadNodeAccess());
    Duration timeout = configuration.getCommandTimeout();
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("commandTimeout must be positive, got " + timeout);
    }
    Optional<SshSettings> ssh =
        type == HeadNodeAccessType.SSH ? Optional.of(ssh(configuration)) : Optional.empty();
    HeadNodeAccessOptions access =
        new HeadNodeAccessOptions(
            type, configuration.getClusterUser(), allowedUsers(configuration), ssh);
    Optional<String> host =
        type == HeadNodeAccessType.SSH && !ObjectHelper.isEmpty(configuration.getHeadNodeHost())
            ? Optional.of(configuration.getHeadNodeHost().strip())
            : Optional.empty();
    return new HeadNodeSettings(access, address(configuration), host, timeout);
  }

  /**
   * The options of the head node's job service: the time zone Slurm prints times in is this
   * machine's for {@code local}, UTC (ParallelCluster's) otherwise.
   */
  JobServiceOptions jobServiceOptions() {
    JobServiceOptions defaults = JobServiceOptions.defaults();
    return new JobServiceOptions(
        access.type() == HeadNodeAccessType.LOCAL
            ? ZoneId.systemDefault()
            : defaults.headNodeZone(),
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
}
