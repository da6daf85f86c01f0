package io.camelpcluster.examples.pipeline;

import io.camelpcluster.console.PclusterConsole;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.apache.camel.main.Main;

/**
 * The web console of camel-pcluster-console in the demo ({@code --console PORT}): clusters, jobs
 * and the pipeline's runs (from the journal bean) on {@code http://127.0.0.1:PORT/pcluster}, for
 * the user {@value #USER} with a random password made per start and printed once.
 */
final class DemoConsole {
  /** The one user of the demo's console. */
  static final String USER = "demo";

  private static final SecureRandom RANDOM = new SecureRandom();

  private DemoConsole() {}

  /** Adds the console's properties to the application and prints where it is. */
  static void configure(Main main, int port, PrintStream out) {
    byte[] secret = new byte[12];
    RANDOM.nextBytes(secret);
    String password = HexFormat.of().formatHex(secret);
    main.addOverrideProperty("camel.main.routesBuilderClasses", PclusterConsole.class.getName());
    main.addOverrideProperty("camel.server.enabled", "true");
    main.addOverrideProperty("camel.server.host", "127.0.0.1");
    main.addOverrideProperty("camel.server.port", String.valueOf(port));
    main.addOverrideProperty("camel.pcluster.console.enabled", "true");
    main.addOverrideProperty("camel.pcluster.console.users." + USER, password);
    main.addOverrideProperty(
        "camel.pcluster.console.templates.demo", "classpath:demo/cluster-config.yaml");
    out.printf(
        "web console on http://127.0.0.1:%d/pcluster/ (user %s, password %s: made for this run)%n",
        port, USER, password);
  }
}
