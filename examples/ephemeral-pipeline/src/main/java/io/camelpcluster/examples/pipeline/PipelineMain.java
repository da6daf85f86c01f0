package io.camelpcluster.examples.pipeline;

import io.camelpcluster.locals3.LocalS3;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.main.Main;

/**
 * The ephemeral-cluster pipeline demo. For now it starts the local S3 server with the demo's
 * buckets and prints how to reach it; with {@code --once} it then exits, otherwise it runs Camel
 * Main until stopped (Ctrl-C).
 *
 * <pre>
 * mvn -pl examples/ephemeral-pipeline compile exec:java -Dexec.args=--once
 * </pre>
 */
public final class PipelineMain {
  /** The bucket the demo watches for inputs. */
  public static final String INPUT_BUCKET = "pipeline-inputs";

  /** The bucket the demo writes results and error reports to. */
  public static final String RESULTS_BUCKET = "pipeline-results";

  private PipelineMain() {}

  public static void main(String[] args) throws Exception {
    PipelineOptions options;
    try {
      options = PipelineOptions.parse(List.of(args), System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("PipelineMain: " + e.getMessage());
      System.err.println(PipelineOptions.USAGE);
      System.exit(2);
      return;
    }
    run(options, System.out);
  }

  /** Runs the demo with these options, reporting on {@code out}. */
  static void run(PipelineOptions options, PrintStream out) throws Exception {
    long start = System.nanoTime();
    try (LocalS3 s3 = LocalS3.start(options.s3())) {
      s3.createBucket(INPUT_BUCKET);
      s3.createBucket(RESULTS_BUCKET);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      out.println("local S3 (S3Proxy, file-backed) ready in " + millis + " ms");
      out.println("  endpoint:   " + s3.endpoint());
      out.println("  region:     " + s3.region());
      out.println("  access key: " + s3.accessKey() + " (secret key not shown)");
      out.println("  data:       " + s3.dataDirectory().toAbsolutePath());
      out.println("  buckets:    " + INPUT_BUCKET + ", " + RESULTS_BUCKET);
      if (options.once()) {
        out.println("--once: stopping");
        return;
      }
      Main main = new Main(PipelineMain.class);
      main.bind("localS3", s3);
      main.run();
    }
  }
}
