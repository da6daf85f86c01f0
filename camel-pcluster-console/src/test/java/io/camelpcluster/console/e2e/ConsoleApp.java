package io.camelpcluster.console.e2e;

import io.camelpcluster.console.PclusterConsole;
import io.camelpcluster.emulator.EmulatorConfig;
import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.pcluster.PclusterComponent;
import io.camelpcluster.pcluster.PclusterConfiguration;
import io.camelpcluster.pcluster.PclusterConstants;
import io.camelpcluster.pipeline.PipelineJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * The application the browser tests look at: Camel Main in this JVM serving the console on
 * platform-http at {@code http://127.0.0.1:PORT/pcluster}, signed in with HTTP Basic, its {@code
 * pcluster} component talking to an in-process emulator (short state durations) and running jobs on
 * this machine's Slurm ({@code headNodeAccess=local}, as {@code scripts/local-slurm.sh} sets it
 * up), with one cluster template and one pipeline journal bean; Camel's developer console is served
 * on the management port at {@code /q/dev}.
 */
final class ConsoleApp implements AutoCloseable {

  static final String USER = "operator";

  /** The principal that signs in with a bearer token. */
  static final String TOKEN_USER = "ci-robot";

  static final String CONTEXT_PATH = "/pcluster";
  static final String TEMPLATE = "small";
  static final String JOURNAL = "e2eJournal";

  /** The template offered by the create form: one Slurm queue {@code batch}, cr1 MaxCount 4. */
  static final String TEMPLATE_YAML =
      """
      Image:
        Os: alinux2023
      HeadNode:
        InstanceType: t3.medium
        Networking:
          SubnetId: subnet-0a1b2c3d4e5f67890
      Scheduling:
        Scheduler: slurm
        SlurmQueues:
          - Name: batch
            Networking:
              SubnetIds:
                - subnet-0a1b2c3d4e5f67890
            ComputeResources:
              - Name: cr1
                InstanceType: c6i.large
                MinCount: 1
                MaxCount: 4
      """;

  private final PclusterEmulator emulator;
  private final Main main;
  private final Path templateFile;
  private final PipelineJournal journal;
  private final String password;
  private final int port;
  private final int managementPort;

  private ConsoleApp(
      PclusterEmulator emulator,
      Main main,
      Path templateFile,
      PipelineJournal journal,
      String password,
      int port,
      int managementPort) {
    this.emulator = emulator;
    this.main = main;
    this.templateFile = templateFile;
    this.journal = journal;
    this.password = password;
    this.port = port;
    this.managementPort = managementPort;
  }

  static ConsoleApp start() throws Exception {
    PclusterEmulator emulator =
        PclusterEmulator.start(
            EmulatorConfig.builder()
                .createDuration(Duration.ofSeconds(2))
                .deleteDuration(Duration.ofSeconds(2))
                .fleetTransitionDuration(Duration.ofSeconds(1))
                .build());
    Path templateFile = Files.createTempFile("pcluster-e2e-template-", ".yaml");
    Files.writeString(templateFile, TEMPLATE_YAML);
    String password = "e2e-" + UUID.randomUUID();
    int port = freePort();
    int managementPort = freePort();
    PipelineJournal journal = PipelineJournal.inMemory();

    Main main = new Main();
    main.bind("pcluster", component(emulator));
    main.bind(JOURNAL, journal);
    main.configure().addRoutesBuilder(new PclusterConsole());
    Properties properties = new Properties();
    properties.setProperty("camel.main.name", "pcluster-console-e2e");
    properties.setProperty("camel.server.enabled", "true");
    properties.setProperty("camel.server.host", "127.0.0.1");
    properties.setProperty("camel.server.port", String.valueOf(port));
    properties.setProperty("camel.main.devConsoleEnabled", "true");
    properties.setProperty("camel.management.enabled", "true");
    properties.setProperty("camel.management.host", "127.0.0.1");
    properties.setProperty("camel.management.port", String.valueOf(managementPort));
    properties.setProperty("camel.management.devConsoleEnabled", "true");
    properties.setProperty("camel.pcluster.console.enabled", "true");
    properties.setProperty("camel.pcluster.console.contextPath", CONTEXT_PATH);
    properties.setProperty("camel.pcluster.console.users." + USER, password);
    properties.setProperty("camel.pcluster.console.tokens." + TOKEN_USER, token(password));
    properties.setProperty("camel.pcluster.console.cacheTtl", "0s");
    properties.setProperty(
        "camel.pcluster.console.templates." + TEMPLATE, "file:" + templateFile.toAbsolutePath());
    main.setOverrideProperties(properties);
    try {
      main.start();
    } catch (Exception e) {
      emulator.close();
      Files.deleteIfExists(templateFile);
      throw e;
    }
    return new ConsoleApp(emulator, main, templateFile, journal, password, port, managementPort);
  }

  private static PclusterComponent component(PclusterEmulator emulator) {
    PclusterComponent component = new PclusterComponent();
    PclusterConfiguration configuration = component.getConfiguration();
    configuration.setUriEndpointOverride(emulator.endpoint().toString());
    configuration.setRegion(emulator.region());
    configuration.setAccessKey(EmulatorConfig.DEFAULT_ACCESS_KEY_ID);
    configuration.setSecretKey(EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY);
    configuration.setPollInterval(Duration.ofMillis(200));
    configuration.setWaitTimeout(Duration.ofMinutes(2));
    configuration.setHeadNodeAccess("local");
    return component;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The console's page. */
  String url() {
    return "http://127.0.0.1:" + port + CONTEXT_PATH;
  }

  /** Camel's developer console of the {@code pcluster} component (text). */
  String devConsoleUrl() {
    return "http://127.0.0.1:" + managementPort + "/q/dev/pcluster";
  }

  /** The bearer token of {@link #TOKEN_USER}. */
  String token() {
    return token(password);
  }

  private static String token(String password) {
    return "token-" + password;
  }

  String password() {
    return password;
  }

  PclusterEmulator emulator() {
    return emulator;
  }

  CamelContext context() {
    return main.getCamelContext();
  }

  PipelineJournal journal() {
    return journal;
  }

  /** Creates a cluster through the app's component (not the console), without waiting. */
  void createCluster(String name, Map<String, String> tags) {
    try (ProducerTemplate template = context().createProducerTemplate()) {
      Exchange created =
          template.send(
              "pcluster:createCluster",
              exchange -> {
                exchange.getMessage().setBody(TEMPLATE_YAML);
                exchange.getMessage().setHeader(PclusterConstants.CLUSTER_NAME, name);
                exchange.getMessage().setHeader(PclusterConstants.CLUSTER_TAGS, tags);
              });
      if (created.getException() != null) {
        throw new AssertionError("could not create " + name, created.getException());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      main.stop();
    } finally {
      emulator.close();
      try {
        Files.deleteIfExists(templateFile);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
