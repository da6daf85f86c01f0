package io.camelpcluster.emulator;

import io.camelpcluster.emulator.auth.CredentialStore;
import io.camelpcluster.emulator.auth.SigV4Verifier;
import io.camelpcluster.emulator.cluster.ClusterService;
import io.camelpcluster.emulator.image.ImageService;
import io.camelpcluster.emulator.objects.ObjectProtocol;
import io.camelpcluster.emulator.objects.PresignedUrls;
import io.camelpcluster.emulator.rest.ClusterOperations;
import io.camelpcluster.emulator.rest.ImageOperations;
import io.camelpcluster.emulator.rest.Regions;
import io.camelpcluster.emulator.rest.RestApiProtocol;
import io.camelpcluster.emulator.rest.Route;
import io.camelpcluster.emulator.server.EmulatorServer;
import io.camelpcluster.emulator.server.RequestPipeline;
import io.camelpcluster.emulator.ssm.ManagedInstance;
import io.camelpcluster.emulator.ssm.ShellAgent;
import io.camelpcluster.emulator.ssm.SsmProtocol;
import io.camelpcluster.emulator.ssm.SsmService;
import io.camelpcluster.emulator.state.StateGuard;
import io.camelpcluster.emulator.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A local stand-in for the AWS ParallelCluster API v3 (3.12.0): an HTTP server on loopback that
 * answers the 20 operations as API Gateway and the service do, verifies SigV4 signatures, runs
 * clusters and images through their real state machines on a configurable clock, and can inject
 * faults. It also answers SSM Run Command for the clusters' head nodes, running the commands on
 * this machine (see {@link #ssmEndpoint()}).
 *
 * <pre>{@code
 * try (PclusterEmulator emulator = PclusterEmulator.start()) {
 *   URI invokeUrl = emulator.endpoint(); // e.g. http://127.0.0.1:41234/prod
 * }
 * }</pre>
 */
public final class PclusterEmulator implements AutoCloseable {
  private final EmulatorConfig config;
  private final EmulatorServer server;
  private final ShellAgent agent;
  private final URI root;
  private final FaultInjector faults;
  private final RequestLog requests;

  private PclusterEmulator(
      EmulatorConfig config,
      EmulatorServer server,
      ShellAgent agent,
      URI root,
      FaultInjector faults,
      RequestLog requests) {
    this.config = config;
    this.server = server;
    this.agent = agent;
    this.root = root;
    this.faults = faults;
    this.requests = requests;
  }

  /** Starts an emulator with the defaults. */
  public static PclusterEmulator start() {
    return start(EmulatorConfig.defaults());
  }

  /** Starts an emulator. */
  public static PclusterEmulator start(EmulatorConfig config) {
    EmulatorServer server;
    try {
      server = EmulatorServer.bind(new InetSocketAddress(config.host(), config.port()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot bind " + config.host() + ":" + config.port() + " for the emulator", e);
    }
    ShellAgent agent = ShellAgent.start(config.ssmDeliveryDelay(), config.clock());
    try {
      URI root = URI.create("http://" + uriHost(config.host()) + ":" + server.port());
      StateStore<EmulatorSnapshot> store =
          config.stateDir() == null
              ? StateStore.inMemory()
              : StateStore.directory(config.stateDir(), EmulatorSnapshot.class);
      EmulatorSnapshot state = store.load().orElseGet(EmulatorSnapshot::empty);
      if (state.formatVersion() != EmulatorSnapshot.FORMAT_VERSION) {
        throw new IllegalStateException(
            "unsupported emulator state format "
                + state.formatVersion()
                + " in "
                + config.stateDir());
      }
      StateGuard guard = new StateGuard(config.clock(), () -> store.save(state));
      PresignedUrls urls = new PresignedUrls(root);
      FaultInjector faults = new FaultInjector();
      Regions regions = new Regions(config.region());
      ClusterService clusters =
          new ClusterService(
              guard,
              state.clusters(),
              state.logs(),
              state.objects(),
              urls,
              config.durations(),
              faults,
              config.pageSizes(),
              agent::headNodeTerminated);
      SsmService ssm =
          new SsmService(
              config.region(),
              config.clock(),
              instanceId ->
                  clusters
                      .runningHeadNode(config.region(), instanceId)
                      .map(
                          head ->
                              new ManagedInstance(
                                  head.instanceId(),
                                  head.privateDnsShort() + privateDomain(config.region()))),
              agent);
      ImageService images =
          new ImageService(
              guard,
              state.images(),
              state.logs(),
              state.objects(),
              urls,
              config.durations(),
              config.pageSizes());
      List<Route> routes = new ArrayList<>(new ClusterOperations(clusters, regions).routes());
      routes.addAll(new ImageOperations(images, regions).routes());
      RequestPipeline pipeline =
          new RequestPipeline(
              List.of(
                  new RestApiProtocol(config.stage(), routes),
                  new ObjectProtocol(
                      urls, key -> guard.read(now -> state.objects().get(key)), config.clock()),
                  new SsmProtocol(ssm)),
              config.anonymous() ? null : verifiers(config),
              faults);
      RequestLog requests = new RequestLog();
      server.start(
          pipeline,
          config.clock(),
          (request, status) ->
              requests.record(
                  new RecordedRequest(
                      request.method(),
                      request.rawPath(),
                      request.rawQuery(),
                      status,
                      request.receivedAt())));
      return new PclusterEmulator(config, server, agent, root, faults, requests);
    } catch (RuntimeException e) {
      server.close();
      agent.close();
      throw e;
    }
  }

  /** The invoke URL including the stage, e.g. {@code http://127.0.0.1:41234/prod}. */
  public URI endpoint() {
    return URI.create(root + "/" + config.stage());
  }

  /**
   * The SSM endpoint, e.g. {@code http://127.0.0.1:41234}, for {@code
   * SsmClient.builder().endpointOverride(..)} with the emulator's region and credentials: Run
   * Command ({@code AWS-RunShellScript}) on the running head nodes of the emulator's region.
   */
  public URI ssmEndpoint() {
    return root;
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  /** The API's own region: the SigV4 signing region and the default region of operations. */
  public String region() {
    return config.region();
  }

  /** The faults to inject, mutable while running. */
  public FaultInjector faults() {
    return faults;
  }

  /** What the emulator received. */
  public RequestLog requests() {
    return requests;
  }

  /** The configuration it runs with. */
  public EmulatorConfig config() {
    return config;
  }

  /**
   * Stops the server and kills the SSM commands still running. State already persisted stays in the
   * state directory; Slurm jobs submitted through SSM keep running.
   */
  @Override
  public void close() {
    server.close();
    agent.close();
  }

  private static Function<String, RequestPipeline.Authenticator> verifiers(EmulatorConfig config) {
    CredentialStore credentials = new CredentialStore();
    for (EmulatorConfig.Credentials c : config.credentials()) {
      if (c.sessionToken() == null) {
        credentials.add(c.accessKeyId(), c.secretAccessKey());
      } else {
        credentials.add(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
      }
    }
    Map<String, RequestPipeline.Authenticator> byService = new ConcurrentHashMap<>();
    return service ->
        byService.computeIfAbsent(
            service,
            s -> new SigV4Verifier(credentials, config.region(), s, config.clock())::verify);
  }

  /** The domain of EC2 private DNS names in a region. */
  private static String privateDomain(String region) {
    return region.equals("us-east-1") ? ".ec2.internal" : "." + region + ".compute.internal";
  }

  private static String uriHost(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
