package io.camelpcluster.pcluster.headnode;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host key verification against an OpenSSH known_hosts file, per {@link HostKeyPolicy}. When a key
 * is refused, the reason is left on the session ({@link #problem}) so that the connection error can
 * say what happened and what to do.
 */
final class HostKeyCheck {

  private static final Logger LOG = LoggerFactory.getLogger(HostKeyCheck.class);
  private static final AttributeKey<String> PROBLEM = new AttributeKey<>();

  private HostKeyCheck() {}

  static ServerKeyVerifier verifier(HostKeyPolicy policy, Path knownHosts) {
    return switch (policy) {
      case ACCEPT_ALL ->
          (session, address, key) -> {
            LOG.warn(
                "accepting host key {} of {} without checking it (hostKeyPolicy=accept-all)",
                describe(key),
                address);
            return true;
          };
      case ACCEPT_NEW -> new KnownHosts(knownHosts, true);
      case STRICT -> new KnownHosts(knownHosts, false);
    };
  }

  /** Why the session's host key was refused, if it was. */
  static String problem(ClientSession session) {
    return session == null ? null : session.getAttribute(PROBLEM);
  }

  private static String describe(PublicKey key) {
    return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
  }

  private static final class KnownHosts extends KnownHostsServerKeyVerifier {
    private final Path file;

    KnownHosts(Path file, boolean acceptNew) {
      super(
          (session, address, key) -> {
            if (acceptNew) {
              LOG.warn(
                  "adding host key {} of {} to {} (hostKeyPolicy=accept-new)",
                  describe(key),
                  address,
                  file);
              return true;
            }
            session.setAttribute(
                PROBLEM,
                "host key "
                    + describe(key)
                    + " of "
                    + address
                    + " is not in known_hosts file "
                    + file
                    + "; add the head node's key there (e.g. with ssh-keyscan, checked out of band)"
                    + " or set hostKeyPolicy=accept-new");
            return false;
          },
          file);
      this.file = file;
      setModifiedServerKeyAcceptor(
          (session, address, entry, expected, actual) -> {
            session.setAttribute(
                PROBLEM,
                "host key of "
                    + address
                    + " CHANGED: known_hosts file "
                    + file
                    + " has "
                    + describe(expected)
                    + ", the server presented "
                    + describe(actual)
                    + "; someone may be intercepting the connection, or the head node was"
                    + " replaced (then remove its old line from known_hosts)");
            return false;
          });
    }

    @Override
    protected void handleRevokedKey(
        ClientSession session, SocketAddress address, PublicKey serverKey) {
      session.setAttribute(
          PROBLEM, "host key " + describe(serverKey) + " of " + address + " is revoked in " + file);
    }
  }
}
