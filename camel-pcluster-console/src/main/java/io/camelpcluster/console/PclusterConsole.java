package io.camelpcluster.console;

import io.camelpcluster.console.http.ApiHandler;
import io.camelpcluster.console.http.ApiProcessor;
import io.camelpcluster.console.http.ConsoleGuard;
import io.camelpcluster.console.http.StaticFiles;
import io.camelpcluster.console.security.AnyOfAuthenticator;
import io.camelpcluster.console.security.BasicAuthenticator;
import io.camelpcluster.console.security.BearerTokenAuthenticator;
import io.camelpcluster.console.security.ConsoleAuthenticator;
import io.camelpcluster.console.security.CsrfTokens;
import io.camelpcluster.console.view.ClusterView;
import io.camelpcluster.console.view.Clusters;
import io.camelpcluster.console.view.JobView;
import io.camelpcluster.console.view.Jobs;
import io.camelpcluster.console.view.PclusterCalls;
import io.camelpcluster.console.view.PipelineRuns;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.spi.RestConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console of the {@code pcluster:} component: a REST API (with its OpenAPI document) and a
 * single-page UI on Camel's platform-http, off unless {@code camel.pcluster.console.enabled=true}.
 *
 * <p>Add it as a routes builder: with Camel Main, {@code
 * camel.main.routes-builder-classes=io.camelpcluster.console.PclusterConsole} (settings from the
 * {@code camel.pcluster.console.*} properties, see {@link ConsoleSettings#fromProperties}) and
 * {@code camel.server.enabled=true}; in Java, {@code context.addRoutes(new
 * PclusterConsole(settings))}. The console calls the ParallelCluster API through the application's
 * {@code pcluster} component configuration; it never sends credentials to the browser.
 */
public final class PclusterConsole extends RouteBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(PclusterConsole.class);

  private static final String ROUTE_PREFIX = "pcluster-console-";

  private final ConsoleSettings explicitSettings;

  /** A console configured from the {@code camel.pcluster.console.*} properties. */
  public PclusterConsole() {
    this(null);
  }

  /** A console with these settings (the properties are then not read). */
  public PclusterConsole(ConsoleSettings settings) {
    this.explicitSettings = settings;
  }

  @Override
  public void configure() throws Exception {
    CamelContext context = getCamelContext();
    ConsoleSettings settings =
        explicitSettings != null ? explicitSettings : settingsFromProperties(context);
    if (!settings.enabled()) {
      LOG.info("pcluster console is disabled (camel.pcluster.console.enabled=false)");
      return;
    }
    ConsoleGuard guard = new ConsoleGuard(authenticator(context, settings), new CsrfTokens());
    ProducerTemplate template = context.createProducerTemplate();
    context.addService(template, true, true);
    PclusterCalls calls = new PclusterCalls(template);
    Clusters clusters =
        new Clusters(calls, settings.templates(), settings.cacheTtl(), Clock.systemUTC());
    Jobs jobs = new Jobs(calls, settings.jobsDirectory());
    PipelineRuns runs = new PipelineRuns(context, settings.resultsUrl());

    RestConfiguration rest = context.getRestConfiguration();
    if (rest.getComponent() == null) {
      rest.setComponent("platform-http");
    }
    if (rest.getApiContextPath() == null) {
      rest.setApiContextPath(settings.apiPath() + "/openapi.json");
      rest.setApiProperties(
          new HashMap<>(
              Map.of(
                  "api.title", "pcluster console",
                  "api.description",
                      "Clusters, jobs and pipeline runs of the camel-pcluster component",
                  "api.version", "1")));
    }
    String restPrefix = rest.getContextPath() == null ? "" : trimSlash(rest.getContextPath());

    Api api = new Api(guard, rest(settings.apiPath()));
    api.get(
        "session",
        "/session",
        "Who is signed in, and the CSRF token for changes",
        r ->
            Map.of(
                "user", r.principal().name(), "csrfToken", guard.csrf().tokenFor(r.principal())));
    clusterOperations(api, clusters);
    jobOperations(api, jobs);
    runOperations(api, runs);

    // the UI is plain platform-http (not under the REST context path); the API may be
    StaticFiles ui = new StaticFiles(settings.contextPath(), restPrefix + settings.apiPath());
    from("platform-http:" + settings.contextPath() + "?httpMethodRestrict=GET")
        .routeId(ROUTE_PREFIX + "ui")
        .process(ui);
    from("platform-http:" + settings.contextPath() + "/ui/{file}?httpMethodRestrict=GET")
        .routeId(ROUTE_PREFIX + "ui-files")
        .process(ui);
    LOG.info(
        "pcluster console at {} (API {}, authentication: {})",
        settings.contextPath(),
        settings.apiPath(),
        guard.authenticator());
  }

  private static void clusterOperations(Api api, Clusters clusters) {
    api.get(
        "templates", "/templates", "Templates offered for new clusters", r -> clusters.templates());
    api.get("clusters", "/clusters", "All clusters", r -> clusters.list())
        .outType(ClusterView[].class);
    api.post(
            "create-cluster",
            "/clusters",
            "Create a cluster from a template, or validate it",
            r -> clusters.create(r.body(Clusters.CreateForm.class), r.principal()))
        .type(Clusters.CreateForm.class);
    api.get("cluster", "/clusters/{name}", "A cluster", r -> clusters.details(r.clusterName()))
        .outType(ClusterView.class);
    api.delete(
            "delete-cluster",
            "/clusters/{name}",
            "Delete a cluster (confirm: its name)",
            r -> clusters.delete(r.clusterName(), r.body(Clusters.DeleteForm.class), r.principal()))
        .type(Clusters.DeleteForm.class);
    api.post(
            "fleet",
            "/clusters/{name}/fleet",
            "Start or stop the compute fleet",
            r -> clusters.fleet(r.clusterName(), r.body(Clusters.FleetForm.class)))
        .type(Clusters.FleetForm.class);
    api.get(
        "instances",
        "/clusters/{name}/instances",
        "The cluster's instances",
        r -> clusters.instances(r.clusterName()));
    api.get(
        "stack-events",
        "/clusters/{name}/stack-events",
        "The stack events, newest first",
        r -> clusters.stackEvents(r.clusterName()));
    api.get(
        "log-streams",
        "/clusters/{name}/log-streams",
        "The cluster's log streams",
        r -> clusters.logStreams(r.clusterName()));
    api.get(
        "log-events",
        "/clusters/{name}/log-events",
        "The latest events of ?stream=NAME",
        r ->
            clusters.logEvents(
                r.clusterName(),
                r.requiredParam("stream"),
                orDefault(r.intParam("limit", 1, 1000), 200)));
    api.get(
        "configuration",
        "/clusters/{name}/configuration",
        "The configuration YAML",
        r -> clusters.configuration(r.clusterName()));
  }

  private static void jobOperations(Api api, Jobs jobs) {
    api.get(
            "jobs",
            "/clusters/{name}/jobs",
            "The cluster user's jobs (squeue and recent ones)",
            r -> jobs.list(r.clusterName()))
        .outType(JobView[].class);
    api.post(
            "submit-job",
            "/clusters/{name}/jobs",
            "Submit a batch script",
            r -> jobs.submit(r.clusterName(), r.body(Jobs.SubmitForm.class), r.principal()))
        .type(Jobs.SubmitForm.class);
    api.get(
            "job",
            "/clusters/{name}/jobs/{jobId}",
            "A job (scontrol, or its exit record)",
            r -> jobs.describe(r.clusterName(), r.requiredParam("jobId")))
        .outType(JobView[].class);
    api.delete(
        "cancel-job",
        "/clusters/{name}/jobs/{jobId}",
        "Cancel a job",
        r -> jobs.cancel(r.clusterName(), r.requiredParam("jobId"), r.principal()));
    api.get(
        "job-output",
        "/clusters/{name}/jobs/{jobId}/output",
        "The end of a job's output",
        r -> jobs.output(r.clusterName(), r.requiredParam("jobId")));
  }

  private static void runOperations(Api api, PipelineRuns runs) {
    api.get(
            "runs",
            "/pipeline-runs",
            "Pipeline runs of every journal, newest first",
            r -> runs.list())
        .outType(PipelineRuns.RunView[].class);
    api.get(
            "run",
            "/pipeline-runs/{runId}",
            "A pipeline run with its steps",
            r -> runs.get(r.requiredParam("runId")))
        .outType(PipelineRuns.RunView.class);
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static String trimSlash(String path) {
    String p = path.startsWith("/") ? path : "/" + path;
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private static ConsoleSettings settingsFromProperties(CamelContext context) {
    Properties properties =
        context.getPropertiesComponent().loadProperties(k -> k.startsWith(ConsoleSettings.PREFIX));
    Map<String, String> values = new HashMap<>();
    properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
    return ConsoleSettings.fromProperties(values);
  }

  /** The configured authenticator; refuses to serve a console nobody could sign in to. */
  static ConsoleAuthenticator authenticator(CamelContext context, ConsoleSettings settings) {
    if (settings.authenticator() != null) {
      ConsoleAuthenticator bean =
          context
              .getRegistry()
              .lookupByNameAndType(settings.authenticator(), ConsoleAuthenticator.class);
      if (bean == null) {
        throw new IllegalStateException(
            "camel.pcluster.console.authenticator names "
                + settings.authenticator()
                + ", but the registry has no ConsoleAuthenticator bean of that name");
      }
      return bean;
    }
    List<ConsoleAuthenticator> authenticators = new ArrayList<>();
    if (!settings.users().isEmpty()) {
      authenticators.add(new BasicAuthenticator(settings.users()));
    }
    if (!settings.tokens().isEmpty()) {
      authenticators.add(new BearerTokenAuthenticator(settings.tokens()));
    }
    if (authenticators.isEmpty()) {
      throw new IllegalStateException(
          "the pcluster console is enabled but nobody can sign in: configure"
              + " camel.pcluster.console.users.NAME=PASSWORD, camel.pcluster.console.tokens.NAME=TOKEN"
              + " or camel.pcluster.console.authenticator=BEAN");
    }
    return authenticators.size() == 1
        ? authenticators.get(0)
        : new AnyOfAuthenticator(authenticators);
  }

  /** Declares REST operations, each served by an {@link ApiProcessor} in its own route. */
  private final class Api {
    private final ConsoleGuard guard;
    private final RestDefinition rest;

    Api(ConsoleGuard guard, RestDefinition rest) {
      this.guard = guard;
      this.rest = rest.bindingMode(RestBindingMode.off).produces("application/json");
    }

    RestDefinition get(String id, String path, String description, ApiHandler handler) {
      return add(rest.get(path), id, description, false, handler);
    }

    RestDefinition post(String id, String path, String description, ApiHandler handler) {
      return add(rest.post(path), id, description, true, handler);
    }

    RestDefinition delete(String id, String path, String description, ApiHandler handler) {
      return add(rest.delete(path), id, description, true, handler);
    }

    private RestDefinition add(
        RestDefinition verb, String id, String description, boolean mutating, ApiHandler handler) {
      String direct = "direct:" + ROUTE_PREFIX + id;
      verb.routeId(ROUTE_PREFIX + "rest-" + id).description(description).to(direct);
      from(direct).routeId(ROUTE_PREFIX + id).process(new ApiProcessor(guard, mutating, handler));
      return verb;
    }
  }
}
