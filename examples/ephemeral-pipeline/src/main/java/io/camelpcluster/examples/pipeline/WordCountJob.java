package io.camelpcluster.examples.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo's job script: writes the MPI word count's source ({@code demo/wordcount.c}) into the
 * job's working directory with a quoted here-document, then runs {@code demo/wordcount-job.sh},
 * which compiles it with mpicc and runs it with mpirun on the allocation's tasks.
 */
public final class WordCountJob {
  /** The classpath resource of the MPI program. */
  public static final String SOURCE = "demo/wordcount.c";

  /** The classpath resource of the script that compiles and runs it. */
  public static final String SCRIPT = "demo/wordcount-job.sh";

  /** The file the job writes and the pipeline uploads. */
  public static final String OUTPUT = "result.txt";

  private static final String DELIMITER = "WORDCOUNT_C_END";

  private WordCountJob() {}

  /** The job script, self-contained: the source travels inside it. */
  public static String script() {
    String source = resource(SOURCE);
    if (source.lines().anyMatch(DELIMITER::equals)) {
      throw new IllegalStateException(SOURCE + " holds the here-document delimiter " + DELIMITER);
    }
    return "#!/bin/bash\n"
        + "cat > wordcount.c <<'"
        + DELIMITER
        + "'\n"
        + source
        + (source.endsWith("\n") ? "" : "\n")
        + DELIMITER
        + "\n"
        + resource(SCRIPT);
  }

  private static String resource(String name) {
    try (InputStream in = WordCountJob.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + name, e);
    }
  }
}
