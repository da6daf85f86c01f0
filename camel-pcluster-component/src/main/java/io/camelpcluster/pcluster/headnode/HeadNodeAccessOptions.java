package io.camelpcluster.pcluster.headnode;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How to reach head nodes, and as whom: endpoint configuration, never message data.
 *
 * @param type the transport ({@code headNodeAccess})
 * @param user the POSIX user commands run as ({@code clusterUser}), e.g. {@code ec2-user}
 * @param allowedUsers the users configuration may choose from ({@code allowedUsers}); {@code user}
 *     must be one of them. Empty means {@code user} alone
 * @param ssh the SSH settings, required for {@link HeadNodeAccessType#SSH}
 * @param ssm the SSM settings, required for {@link HeadNodeAccessType#SSM}
 */
public record HeadNodeAccessOptions(
    HeadNodeAccessType type,
    String user,
    Set<String> allowedUsers,
    Optional<SshSettings> ssh,
    Optional<SsmSettings> ssm) {

  /** A portable POSIX user name, as useradd accepts it. */
  private static final Pattern USER_NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

  public HeadNodeAccessOptions {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(allowedUsers, "allowedUsers");
    Objects.requireNonNull(ssh, "ssh");
    Objects.requireNonNull(ssm, "ssm");
    checkUserName("clusterUser", user);
    allowedUsers.forEach(u -> checkUserName("allowedUsers", u));
    allowedUsers = allowedUsers.isEmpty() ? Set.of(user) : Set.copyOf(allowedUsers);
    if (!allowedUsers.contains(user)) {
      throw new IllegalArgumentException(
          "clusterUser '" + user + "' is not one of allowedUsers " + new TreeSet<>(allowedUsers));
    }
    if (type == HeadNodeAccessType.SSH && ssh.isEmpty()) {
      throw new IllegalArgumentException(
          "headNodeAccess=ssh needs SSH settings (private key and known_hosts files)");
    }
    if (type == HeadNodeAccessType.SSM && ssm.isEmpty()) {
      throw new IllegalArgumentException("headNodeAccess=ssm needs SSM settings (an SSM client)");
    }
  }

  /** Options without SSM settings. */
  public HeadNodeAccessOptions(
      HeadNodeAccessType type, String user, Set<String> allowedUsers, Optional<SshSettings> ssh) {
    this(type, user, allowedUsers, ssh, Optional.empty());
  }

  /** Local access as {@code user}. */
  public static HeadNodeAccessOptions local(String user) {
    return new HeadNodeAccessOptions(HeadNodeAccessType.LOCAL, user, Set.of(), Optional.empty());
  }

  /** SSH access as {@code user}. */
  public static HeadNodeAccessOptions ssh(String user, SshSettings settings) {
    return new HeadNodeAccessOptions(HeadNodeAccessType.SSH, user, Set.of(), Optional.of(settings));
  }

  /** SSM access as {@code user}. */
  public static HeadNodeAccessOptions ssm(String user, SsmSettings settings) {
    return new HeadNodeAccessOptions(
        HeadNodeAccessType.SSM, user, Set.of(), Optional.empty(), Optional.of(settings));
  }

  private static void checkUserName(String option, String name) {
    if (name == null || !USER_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          option
              + ": '"
              + name
              + "' is not a POSIX user name (lower-case letters, digits, '_' and '-', at most 32)");
    }
  }
}
