package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camelpcluster.pcluster.slurm.ShellQuote;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Renders staged scripts and runs them with bash against a local HTTP server. */
class StagedJobScriptTest {

  private static final String SECRET = "X-Amz-Signature=0123456789abcdefSECRET";
  private static final byte[] INPUT = "one two three\nfour 🎉\n".getBytes(StandardCharsets.UTF_8);

  /** A query a shell would run were it not quoted: no spaces, so still a valid URL. */
  private static final String HOSTILE_QUERY =
      "&a=$(touch$IFS'pwned')&b=;touch$IFS'pwned2'&c=*&d=!x";

  private static final List<String> HOSTILE_OUTPUTS =
      List.of(
          "result.txt",
          "out put.txt",
          "$(touch pwned3).txt",
          "'single' \"double\".txt",
          "-dash.txt",
          "ünïcödé 🎉.txt",
          "*",
          "back\\slash;&|.txt");

  @TempDir Path work;

  private HttpServer server;
  private String base;
  private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile int getStatus = 200;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String uri =
        exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery();
    requests.add(exchange.getRequestMethod() + " " + uri);
    try (InputStream body = exchange.getRequestBody()) {
      byte[] bytes = body.readAllBytes();
      if (exchange.getRequestMethod().equals("PUT")) {
        uploads.put(uri, bytes);
        exchange.sendResponseHeaders(200, -1);
      } else if (getStatus != 200) {
        exchange.sendResponseHeaders(getStatus, -1);
      } else {
        exchange.sendResponseHeaders(200, INPUT.length);
        exchange.getResponseBody().write(INPUT);
      }
    }
    exchange.close();
  }

  @Test
  void downloadsTheInputRunsTheJobAndUploadsEveryOutputWithHostileValuesKeptAsData()
      throws Exception {
    Map<String, String> outputs = new LinkedHashMap<>();
    for (int i = 0; i < HOSTILE_OUTPUTS.size(); i++) {
      outputs.put(HOSTILE_OUTPUTS.get(i), base + "/out/" + i + "?" + SECRET + HOSTILE_QUERY);
    }
    StringBuilder job =
        new StringBuilder(
            "#!/bin/bash\n"
                + "# it's a comment with 'quotes', EOF and __PIPELINE__ markers\n"
                + "set -e\n"
                + "printf 'bytes=%s\\n' \"$(wc -c < ./input.txt)\" > result.txt\n"
                + "echo 'literal $HOME and `id`'\n");
    for (String name : HOSTILE_OUTPUTS.subList(1, HOSTILE_OUTPUTS.size())) {
      job.append("cp result.txt ").append(ShellQuote.quote("./" + name)).append('\n');
    }
    StagedJobScript script =
        StagedJobScript.of(
            "in/$(touch pwned4)/Data File.TXT",
            base + "/in/data?" + SECRET + HOSTILE_QUERY,
            job.toString(),
            outputs,
            null);

    Run run = run(script);

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.stdout).isEqualTo("literal $HOME and `id`\n");
    assertThat(run.stderr).isEmpty();
    assertThat(requests.get(0)).isEqualTo("GET /in/data?" + SECRET + HOSTILE_QUERY);
    assertThat(uploads).hasSize(HOSTILE_OUTPUTS.size());
    for (int i = 0; i < HOSTILE_OUTPUTS.size(); i++) {
      assertThat(uploads.get("/out/" + i + "?" + SECRET + HOSTILE_QUERY))
          .asString(StandardCharsets.UTF_8)
          .isEqualTo("bytes=" + INPUT.length + "\n");
    }
    assertThat(work.resolve("input.txt")).hasBinaryContent(INPUT);
    assertThat(work.resolve(StagedJobScript.JOB_FILE)).hasContent(job.toString());
    try (Stream<Path> files = Files.list(work)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("nothing but data: no file an injection would have made")
          .noneMatch(name -> name.startsWith("pwned"));
    }
  }

  @Test
  void aMissingDeclaredOutputFailsTheJobClearly() throws Exception {
    StagedJobScript script =
        StagedJobScript.of(
            "k.txt",
            base + "/in?" + SECRET,
            "echo hi > written.txt\n",
            outputsOn("written.txt", "missing output.txt"),
            null);

    Run run = run(script);

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.stderr)
        .isEqualTo("pipeline: the job did not write the declared output missing output.txt\n");
    assertThat(uploads).hasSize(1);
    assertThat(run.toString()).doesNotContain(SECRET);
  }

  @Test
  void aFailingJobScriptFailsWithItsStatusAndUploadsNothing() throws Exception {
    StagedJobScript script =
        StagedJobScript.of(
            "k.txt", base + "/in?" + SECRET, "echo working\nexit 3\n", outputs("r.txt"), null);

    Run run = run(script);

    assertThat(run.exit).isEqualTo(3);
    assertThat(run.stdout).isEqualTo("working\n");
    assertThat(run.stderr).isEqualTo("pipeline: the job script failed with exit status 3\n");
    assertThat(uploads).isEmpty();
  }

  @Test
  void aFailedDownloadFailsBeforeTheJobRunsAndShowsNoUrl() throws Exception {
    getStatus = 403;
    StagedJobScript script =
        StagedJobScript.of("k.txt", base + "/in?" + SECRET, "touch ran\n", outputs("r.txt"), null);

    Run run = run(script);

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.stderr)
        .contains("pipeline: downloading the input failed")
        .doesNotContain("SECRET");
    assertThat(run.stdout).doesNotContain("SECRET");
    assertThat(work.resolve("ran")).doesNotExist();
  }

  @Test
  void saysSoWhenCurlIsMissing() throws Exception {
    StagedJobScript script =
        StagedJobScript.of("k.txt", base + "/in?" + SECRET, "touch ran\n", Map.of(), null);

    Run run = run(script, Map.of("PATH", work.resolve("no-such-dir").toString()));

    assertThat(run.exit).isEqualTo(127);
    assertThat(run.stderr)
        .isEqualTo("pipeline: curl is not installed on the node that runs the job\n");
    assertThat(requests).isEmpty();
  }

  @Test
  void runsInTheWorkDirectoryWhenGiven() throws Exception {
    StagedJobScript script =
        StagedJobScript.of(
            "k.csv",
            base + "/in?" + SECRET,
            "cp input.csv copy.csv\n",
            outputsOn("copy.csv"),
            "pipeline runs/run 1");

    Run run = run(script);

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(work.resolve("pipeline runs/run 1/input.csv")).hasBinaryContent(INPUT);
    assertThat(work.resolve("pipeline runs/run 1/copy.csv")).hasBinaryContent(INPUT);
  }

  @Test
  void theRenderedScriptQuotesEveryValueAndNeverTraces() {
    String url = base + "/in?" + SECRET + HOSTILE_QUERY;
    String text = StagedJobScript.of("k", url, "true\n", outputs("a b.txt"), null).render();
    assertThat(text)
        .startsWith("#!/bin/bash\n")
        .contains("set -euo pipefail\n")
        .contains(ShellQuote.quote(url))
        .contains(ShellQuote.quote("./a b.txt"))
        .doesNotContain("set -x")
        .doesNotContainPattern("(?m)^#SBATCH");
    assertThat(text.lines().filter(line -> line.contains(SECRET)))
        .allSatisfy(line -> assertThat(line).startsWith("if ! curl -fsS --globoff --retry 3 "));
  }

  @Test
  void toStringShowsNoUrl() {
    StagedJobScript script =
        StagedJobScript.of("d/k.txt", base + "/in?" + SECRET, "true\n", outputs("r.txt"), "w");
    assertThat(script.toString())
        .isEqualTo("StagedJobScript[input input.txt, outputs [r.txt], in w]")
        .doesNotContain(SECRET);
    assertThat(script.outputNames()).containsExactly("r.txt");
  }

  @Test
  void inputFileNamesKeepOnlySimpleExtensions() {
    assertThat(StagedJobScript.inputFileName("a/b/data.CSV")).isEqualTo("input.csv");
    assertThat(StagedJobScript.inputFileName("a.tar.gz")).isEqualTo("input.gz");
    assertThat(StagedJobScript.inputFileName("noext")).isEqualTo("input");
    assertThat(StagedJobScript.inputFileName(".hidden")).isEqualTo("input");
    assertThat(StagedJobScript.inputFileName("x.t$t")).isEqualTo("input");
    assertThat(StagedJobScript.inputFileName("x.verylongextension")).isEqualTo("input");
    assertThat(StagedJobScript.inputFileName("x.txt/")).isEqualTo("input");
    assertThat(StagedJobScript.inputFileName("x.数据")).isEqualTo("input");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", ".", "..", "a/b", "../x", "x\ny", "tab\there", "job.sh", "input", "input.txt"})
  void rejectsOutputNamesThatAreNotPlainFiles(String name) {
    assertThatThrownBy(() -> StagedJobScript.checkOutputName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("output file name ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void rejectsLongOutputNames() {
    assertThatThrownBy(() -> StagedJobScript.checkOutputName("é".repeat(128)))
        .hasMessageEndingWith("must be at most 255 bytes");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://host/x",
        "file:///etc/passwd",
        "not a url",
        "http:relative",
        "/just/a/path",
        "javascript:alert(1)"
      })
  void rejectsUrlsThatAreNotHttpWithoutShowingThem(String url) {
    assertThatThrownBy(() -> StagedJobScript.of("k", url, "true", Map.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the input URL ")
        .hasMessageNotContaining(url);
    assertThatThrownBy(() -> StagedJobScript.of("k", base, "true", Map.of("o.txt", url), null))
        .hasMessageStartingWith("the output o.txt URL ")
        .hasMessageNotContaining(url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/abs", "../up", "a/../b", "a//b", "./x", "a/", "line\nbreak", ""})
  void rejectsWorkDirectoriesOutsideTheJobsDirectory(String dir) {
    assertThatThrownBy(() -> StagedJobScript.of("k", base, "true", Map.of(), dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("workDirectory ");
  }

  @Test
  void rejectsScriptsWithDirectivesOrNothingToRun() {
    assertThatThrownBy(
            () ->
                StagedJobScript.of(
                    "k", base, "#!/bin/bash\n# c\n#SBATCH --nodes=4\nrun\n", Map.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the job script's line 3 is an #SBATCH directive");
    assertThatThrownBy(() -> StagedJobScript.of("k", base, " \n\t", Map.of(), null))
        .hasMessage("the job script must not be empty");
    assertThatThrownBy(() -> StagedJobScript.of("k", base, "a\u0000b", Map.of(), null))
        .hasMessage("the job script must not contain NUL characters");
    // after the first command, sbatch reads no directives: such a line is just a comment
    assertThat(StagedJobScript.of("k", base, "run\n#SBATCH --nodes=4\n", Map.of(), null))
        .isNotNull();
  }

  private static Map<String, String> outputs(String... names) {
    Map<String, String> outputs = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      outputs.put(names[i], "http://127.0.0.1:1/unused" + i);
    }
    return outputs;
  }

  private Map<String, String> outputsOn(String... names) {
    Map<String, String> outputs = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      outputs.put(names[i], base + "/out/" + i + "?" + SECRET);
    }
    return outputs;
  }

  private Run run(StagedJobScript script) throws Exception {
    return run(script, Map.of());
  }

  private Run run(StagedJobScript script, Map<String, String> environment) throws Exception {
    Path file = Files.createTempFile("staged", ".sh");
    try {
      Files.writeString(file, script.render(), StandardCharsets.UTF_8);
      ProcessBuilder builder = new ProcessBuilder("/bin/bash", file.toString());
      builder.environment().putAll(environment);
      Process process =
          builder
              .directory(work.toFile())
              .redirectOutput(work.resolveSibling(work.getFileName() + ".out").toFile())
              .redirectError(work.resolveSibling(work.getFileName() + ".err").toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the staged script did not end within 60 s");
      }
      return new Run(
          process.exitValue(),
          Files.readString(work.resolveSibling(work.getFileName() + ".out")),
          Files.readString(work.resolveSibling(work.getFileName() + ".err")));
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(work.resolveSibling(work.getFileName() + ".out"));
      Files.deleteIfExists(work.resolveSibling(work.getFileName() + ".err"));
    }
  }

  private record Run(int exit, String stdout, String stderr) {}
}
