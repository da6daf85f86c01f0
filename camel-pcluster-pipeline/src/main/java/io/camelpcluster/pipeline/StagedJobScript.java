package io.camelpcluster.pipeline;

import io.camelpcluster.pcluster.slurm.ShellQuote;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The job script the pipeline submits (as {@code CamelPclusterJobScript}, with launcher {@code
 * none}): it downloads the input from a presigned GET URL into the job's working directory as
 * {@link #inputFileName()}, writes the user's script to {@code job.sh} and runs it with bash, then
 * uploads each declared output to its presigned PUT URL. A missing output, a failed download or
 * upload, or a failing user script fails the job with a message on stderr.
 *
 * <p>Every value in the script is a single shell word made by {@link ShellQuote}; curl runs with
 * {@code --globoff} and file arguments start with {@code ./}, so no URL or file name is read as
 * anything but data. The URLs are secrets: the script never prints them (no {@code set -x}, no
 * echo) and {@link #toString()} leaves them out.
 *
 * <p>The component's submitJob adds the {@code #SBATCH} lines and its own wrapper around this
 * script; a user script must therefore not carry {@code #SBATCH} directives (they would be
 * ignored), which {@link #of} rejects.
 */
public final class StagedJobScript {

  /** Name of the user's script in the job's working directory. */
  public static final String JOB_FILE = "job.sh";

  /** Base name of the downloaded input. */
  public static final String INPUT_BASE_NAME = "input";

  private static final Pattern SIMPLE_EXTENSION = Pattern.compile("[A-Za-z0-9]{1,10}");
  private static final Pattern DIRECTIVE = Pattern.compile("#(SBATCH|SLURM)\\b.*");
  private static final int MAX_FILE_NAME_BYTES = 255;

  private final String inputFileName;
  private final String inputUrl;
  private final String userScript;
  private final Map<String, String> outputUrls;
  private final String workDirectory;

  private StagedJobScript(
      String inputFileName,
      String inputUrl,
      String userScript,
      Map<String, String> outputUrls,
      String workDirectory) {
    this.inputFileName = inputFileName;
    this.inputUrl = inputUrl;
    this.userScript = userScript;
    this.outputUrls = outputUrls;
    this.workDirectory = workDirectory;
  }

  /**
   * A staged script.
   *
   * @param inputKey the input's object key: its extension, when simple (1 to 10 letters or digits),
   *     is kept on the local file name ({@code input.csv})
   * @param inputUrl the presigned GET URL of the input (http or https)
   * @param userScript the user's job script, run with bash in the working directory
   * @param outputUrls each declared output file name (a plain name in the working directory) with
   *     its presigned PUT URL, uploaded in this order
   * @param workDirectory a directory, relative to the job's working directory, created and used by
   *     the script (e.g. one per run, so runs sharing a node do not clash); {@code null} for the
   *     working directory itself
   * @throws IllegalArgumentException if a URL is not http(s), an output name is not a plain file
   *     name, the work directory is not a relative path without {@code ..}, or the user script is
   *     blank or carries {@code #SBATCH} directives
   */
  public static StagedJobScript of(
      String inputKey,
      String inputUrl,
      String userScript,
      Map<String, String> outputUrls,
      String workDirectory) {
    Objects.requireNonNull(inputKey, "inputKey");
    Objects.requireNonNull(outputUrls, "outputUrls");
    checkScript(Objects.requireNonNull(userScript, "userScript"));
    checkUrl("input", inputUrl);
    Map<String, String> outputs = new LinkedHashMap<>();
    outputUrls.forEach(
        (name, url) -> {
          checkOutputName(name);
          checkUrl("output " + Texts.printable(name, 64), url);
          outputs.put(name, url);
        });
    if (workDirectory != null) {
      checkWorkDirectory(workDirectory);
    }
    return new StagedJobScript(
        inputFileName(inputKey),
        inputUrl,
        userScript,
        Collections.unmodifiableMap(outputs),
        workDirectory);
  }

  /** The local name of the input for a key: {@code input} plus the key's simple extension. */
  public static String inputFileName(String inputKey) {
    String segment = inputKey.substring(inputKey.lastIndexOf('/') + 1);
    int dot = segment.lastIndexOf('.');
    if (dot > 0 && SIMPLE_EXTENSION.matcher(segment.substring(dot + 1)).matches()) {
      return INPUT_BASE_NAME + "." + segment.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
    return INPUT_BASE_NAME;
  }

  /**
   * Checks a declared output name: a plain file name (no {@code /}, not {@code .} or {@code ..}, no
   * control characters, at most 255 UTF-8 bytes).
   *
   * @throws IllegalArgumentException if it is not
   */
  public static void checkOutputName(String name) {
    Objects.requireNonNull(name, "output file name");
    String problem = null;
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      problem = "must be a file name";
    } else if (name.indexOf('/') >= 0) {
      problem = "must be a file name in the job's directory, without '/'";
    } else if (!Texts.withoutControls(name).equals(name)) {
      problem = "must not contain control characters";
    } else if (name.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_NAME_BYTES) {
      problem = "must be at most " + MAX_FILE_NAME_BYTES + " bytes";
    } else if (name.equals(JOB_FILE)
        || name.startsWith(INPUT_BASE_NAME + ".")
        || name.equals(INPUT_BASE_NAME)) {
      problem = "is a name the staged script uses itself";
    }
    if (problem != null) {
      throw new IllegalArgumentException(
          "output file name " + Texts.printable(name, 64) + " " + problem);
    }
  }

  /** The local name of the downloaded input. */
  public String inputFileName() {
    return inputFileName;
  }

  /** The declared output file names, in upload order. */
  public List<String> outputNames() {
    return List.copyOf(outputUrls.keySet());
  }

  /** The script text. Holds the presigned URLs: never log it. */
  public String render() {
    StringBuilder s = new StringBuilder();
    s.append("#!/bin/bash\n")
        .append(
            "# Staged by the camel-pcluster pipeline: download the input, run the job script,\n")
        .append("# upload the outputs. The URLs below are secrets: nothing here prints them.\n")
        .append("set -euo pipefail\n")
        .append("umask 077\n")
        .append("if ! command -v curl > /dev/null; then\n")
        .append("  echo 'pipeline: curl is not installed on the node that runs the job' >&2\n")
        .append("  exit 127\n")
        .append("fi\n");
    if (workDirectory != null) {
      String dir = ShellQuote.quote(workDirectory);
      s.append("mkdir -p -- ").append(dir).append('\n');
      s.append("cd -- ").append(dir).append('\n');
    }
    String input = ShellQuote.quote("./" + inputFileName);
    s.append("if ! curl -fsS --globoff --retry 3 -o ")
        .append(input)
        .append(' ')
        .append(ShellQuote.quote(inputUrl))
        .append("; then\n")
        .append("  echo 'pipeline: downloading the input failed' >&2\n")
        .append("  exit 1\n")
        .append("fi\n");
    s.append("printf '%s' ")
        .append(ShellQuote.quote(userScript))
        .append(" > ./")
        .append(JOB_FILE)
        .append('\n');
    s.append("status=0\n")
        .append("bash ./")
        .append(JOB_FILE)
        .append(" || status=$?\n")
        .append("if [ \"$status\" -ne 0 ]; then\n")
        .append("  echo \"pipeline: the job script failed with exit status $status\" >&2\n")
        .append("  exit \"$status\"\n")
        .append("fi\n");
    for (Map.Entry<String, String> output : outputUrls.entrySet()) {
      String file = ShellQuote.quote("./" + output.getKey());
      String name = ShellQuote.quote(output.getKey());
      s.append("if [ ! -f ")
          .append(file)
          .append(" ]; then\n")
          .append("  printf 'pipeline: the job did not write the declared output %s\\n' ")
          .append(name)
          .append(" >&2\n")
          .append("  exit 1\n")
          .append("fi\n");
      s.append("if ! curl -fsS --globoff --retry 3 -T ")
          .append(file)
          .append(' ')
          .append(ShellQuote.quote(output.getValue()))
          .append("; then\n")
          .append("  printf 'pipeline: uploading the output %s failed\\n' ")
          .append(name)
          .append(" >&2\n")
          .append("  exit 1\n")
          .append("fi\n");
    }
    return s.toString();
  }

  /** Describes the script without its URLs. */
  @Override
  public String toString() {
    return "StagedJobScript[input "
        + inputFileName
        + ", outputs "
        + outputUrls.keySet().stream().map(n -> Texts.printable(n, 64)).toList()
        + (workDirectory == null ? "" : ", in " + Texts.printable(workDirectory, 64))
        + "]";
  }

  private static void checkScript(String script) {
    if (script.isBlank()) {
      throw new IllegalArgumentException("the job script must not be empty");
    }
    if (script.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("the job script must not contain NUL characters");
    }
    int lineNumber = 0;
    for (String line : script.split("\n", -1)) {
      lineNumber++;
      if (DIRECTIVE.matcher(line).matches()) {
        throw new IllegalArgumentException(
            "the job script's line "
                + lineNumber
                + " is an #SBATCH directive, which would not be applied; set nodes, ntasks,"
                + " partition and timeLimit on the pipeline instead");
      }
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        return;
      }
    }
  }

  private static void checkUrl(String what, String url) {
    Objects.requireNonNull(url, what + " URL");
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      // the reason quotes the URL: leave it out
      throw new IllegalArgumentException("the " + what + " URL is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException("the " + what + " URL must be an http(s) URL with a host");
    }
  }

  private static void checkWorkDirectory(String dir) {
    boolean bad =
        dir.isEmpty()
            || dir.startsWith("/")
            || !Texts.withoutControls(dir).equals(dir)
            || List.of(dir.split("/", -1)).stream()
                .anyMatch(part -> part.isEmpty() || part.equals("..") || part.equals("."));
    if (bad) {
      throw new IllegalArgumentException(
          "workDirectory "
              + Texts.printable(dir, 64)
              + " must be a relative path of plain names, without '..', '.' or empty parts");
    }
  }
}
