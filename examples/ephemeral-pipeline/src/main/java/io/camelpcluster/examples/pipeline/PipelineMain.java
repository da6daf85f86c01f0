package io.camelpcluster.examples.pipeline;

import io.camelpcluster.pipeline.PipelineJournal;
import io.camelpcluster.pipeline.PipelineSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The ephemeral-cluster pipeline demo (Camel Main): an object lands in a bucket, a cluster is
 * created for it, an MPI job processes it, the results go to a bucket and the cluster is deleted.
 *
 * <p>On its embedded defaults it starts a local S3 (S3Proxy, file-backed) and the ParallelCluster
 * emulator in process (whose Systems Manager runs the jobs on this machine's Slurm), uploads a
 * sample text and runs the pipeline on it with a real MPI word count on 2 ranks, printing each step
 * with its timings and the result. With {@code --once} it exits when the inputs are processed (0 if
 * they all succeeded), otherwise it keeps watching the bucket until stopped. Everything else comes
 * from Camel Main properties ({@code application.properties}, {@code --properties FILE}), so
 * pointing it at AWS ({@code --aws}) needs no code change.
 */
public final class PipelineMain {
  /** The registry name of the pipeline's journal. */
  public static final String JOURNAL_BEAN = "pipelineJournal";

  private PipelineMain() {}

  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(PipelineOptions.USAGE);
      return;
    }
    PipelineOptions options;
    try {
      options = PipelineOptions.parse(List.of(args), System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("PipelineMain: " + e.getMessage());
      System.err.println(PipelineOptions.USAGE);
      System.exit(2);
      return;
    }
    int exitCode;
    try {
      exitCode = run(options, System.out);
    } catch (Exception e) {
      System.err.println("PipelineMain: failed: " + describe(e));
      exitCode = 1;
    }
    System.exit(exitCode);
  }

  /**
   * Runs the demo with these options, reporting on {@code out}; returns the exit code (with {@code
   * --once}) or 0 once stopped.
   */
  static int run(PipelineOptions options, PrintStream out) throws Exception {
    out.println("camel-pcluster: the ephemeral-cluster pipeline demo");
    try (DemoServices services = DemoServices.start(options, out)) {
      PipelineJournal journal = PipelineJournal.inDirectory(options.journalDirectory());
      out.printf(
          "journal of runs in %s (instance %s)%n",
          options.journalDirectory().toAbsolutePath(), journal.instanceId());
      Main main = new Main();
      main.setPropertyPlaceholderLocations(propertyLocations(options.propertyFiles()));
      services.camelProperties().forEach(main::addOverrideProperty);
      if (options.consolePort() != null) {
        DemoConsole.configure(main, options.consolePort(), out);
      }
      main.bind(JOURNAL_BEAN, journal);
      if (services.presigner() != null) {
        main.bind("demoS3Presigner", services.presigner());
      }
      Lifecycle lifecycle = new Lifecycle(main, options, services, journal, out);
      main.addMainListener(lifecycle);
      try {
        main.run();
      } finally {
        lifecycle.close();
      }
      return lifecycle.exitCode.get();
    }
  }

  /**
   * The properties files, the last given first: Camel's properties component takes a property from
   * the first location that has it, and a later file overrides the ones before it.
   */
  private static String propertyLocations(List<Path> files) {
    List<String> locations = new ArrayList<>();
    for (Path file : files) {
      locations.add(0, "file:" + file.toAbsolutePath());
    }
    locations.add("classpath:application.properties;optional=true");
    return String.join(",", locations);
  }

  /** The message of an exception and of its causes, on one line. */
  static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < 2000; t = t.getCause()) {
      if (!text.isEmpty()) {
        text.append(": ");
      }
      text.append(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
    }
    return text.toString().replaceAll("\\p{Cntrl}", " ");
  }

  /** Installs the pipeline once Camel is configured and follows it once Camel has started. */
  private static final class Lifecycle extends MainListenerSupport implements AutoCloseable {
    private final Main main;
    private final PipelineOptions options;
    private final DemoServices services;
    private final PipelineJournal journal;
    private final PrintStream out;
    private final AtomicInteger exitCode = new AtomicInteger(0);
    private DemoSession session;

    Lifecycle(
        Main main,
        PipelineOptions options,
        DemoServices services,
        PipelineJournal journal,
        PrintStream out) {
      this.main = main;
      this.options = options;
      this.services = services;
      this.journal = journal;
      this.out = out;
    }

    /**
     * Adds the pipeline once Camel has started (its route templates' local beans need a started
     * context), then follows it.
     */
    @Override
    public void afterStart(BaseMainSupport support) {
      CamelContext context = support.getCamelContext();
      try {
        PipelineSettings settings = DemoPipeline.settings(context, JOURNAL_BEAN);
        if (services.localS3() != null) {
          services.localS3().createBucket(settings.inputBucket());
          services.localS3().createBucket(settings.resultsBucket());
        }
        DemoPipeline.install(context, settings, out);
        Duration onceTimeout =
            Duration.parse(
                context
                    .getPropertiesComponent()
                    .resolveProperty("demo.onceTimeout")
                    .orElse("PT30M"));
        session =
            new DemoSession(
                settings, journal, context.createProducerTemplate(), out, Clock.systemUTC());
        session
            .start(options.sample(), options.once(), onceTimeout)
            .whenComplete((code, failure) -> finish(failure == null ? code : 1, failure));
      } catch (Exception e) {
        finish(1, e);
      }
    }

    private void finish(int code, Throwable failure) {
      if (failure != null) {
        out.println("PipelineMain: failed: " + describe(failure));
      }
      exitCode.set(code);
      main.completed();
    }

    @Override
    public void close() {
      if (session != null) {
        session.close();
      }
    }
  }
}
