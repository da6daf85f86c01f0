package io.camelpcluster.pcluster.headnode;

import io.camelpcluster.pcluster.slurm.ShellQuote;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripts {@link SsmAccess} has the SSM agent run on the head node (as root, as the agent runs
 * them), and how their answers are read.
 *
 * <p>SSM carries a command in the request's parameters and shows at most 24,000 bytes of its
 * stdout. So data travels in Base64 chunks of {@value #CHUNK_BYTES} bytes (20,000 characters): the
 * input (a command line or a file) in parts staged in a root-only directory under {@value #BASE},
 * the output in files there, of which the first answer carries both streams when they fit in
 * {@value #INLINE_BYTES} bytes together and further commands read the rest chunk by chunk. The
 * user's command runs through {@code runuser -l <user> --session-command}: a login shell (the
 * user's environment, e.g. the Slurm path of {@code /etc/profile.d}, starting in the home
 * directory) in the agent's process group, so that a timeout or cancel, which kills that group,
 * kills the command too ({@code -c} would start a new session that survives). Its input comes from
 * a file on standard input, never from any process's arguments.
 */
final class SsmScripts {

  /** Root's directory for the files of commands in flight, one subdirectory per command. */
  static final String BASE = "/var/lib/camel-pcluster-ssm";

  /** Bytes per Base64 chunk: 20,000 characters, within the 24,000 SSM shows. */
  static final int CHUNK_BYTES = 15_000;

  /** What the first answer carries of stdout and stderr together, at most. */
  static final int INLINE_BYTES = CHUNK_BYTES;

  /**
   * Age in minutes after which a command's directory counts as left by a client that died: SSM runs
   * a command for 48 hours at most.
   */
  static final int ABANDONED_MINUTES = 48 * 60;

  /** The exit status of a script that could not prepare its command. */
  static final int SETUP_FAILED = 125;

  private static final String MARK = "camel-pcluster-ssm";
  private static final Pattern HEADER =
      Pattern.compile(MARK + " (\\d{1,3}) (\\d{1,19}) (\\d{1,19}) (inline|staged)");

  private SsmScripts() {}

  /**
   * What the agent answered for an {@link #execute} script.
   *
   * @param exitCode the user's command's exit status
   * @param stdoutSize the full size of its stdout, in bytes
   * @param stderrSize the full size of its stderr
   * @param stdout the first bytes of stdout (up to the limit asked), when they came inline
   * @param stderr the first bytes of stderr, when they came inline
   */
  record Answer(
      int exitCode,
      long stdoutSize,
      long stderrSize,
      Optional<byte[]> stdout,
      Optional<byte[]> stderr) {

    /** Whether the outputs wait in files for {@link #readChunk} (and the directory for removal). */
    boolean staged() {
      return stdout.isEmpty();
    }
  }

  /** The directory of one command. */
  static String directory(String id) {
    return BASE + "/" + id;
  }

  /** Splits data into Base64 chunks of {@value #CHUNK_BYTES} bytes; at least one (maybe empty). */
  static List<String> chunks(byte[] data) {
    List<String> chunks = new ArrayList<>();
    for (int from = 0; from < data.length || chunks.isEmpty(); from += CHUNK_BYTES) {
      byte[] chunk = Arrays.copyOfRange(data, from, Math.min(data.length, from + CHUNK_BYTES));
      chunks.add(Base64.getEncoder().encodeToString(chunk));
    }
    return chunks;
  }

  /** Stores part {@code index} of a command's input, for an {@link #execute} to come. */
  static List<String> stagePart(String dir, int index, String base64) {
    return List.of(prepare(dir), "printf %s '" + base64 + "' > \"$d\"/" + partName(index));
  }

  /**
   * Runs {@code userCommand} in the user's login shell, its standard input the staged parts (plus
   * {@code inlinePart}, stored as part 0, when given) or nothing, and answers the exit status, the
   * output sizes and, if they fit, the outputs (up to {@code maxStdout} and {@code maxStderr}
   * bytes). When they do not, the outputs stay for {@link #readChunk}; otherwise the directory is
   * removed.
   */
  static List<String> execute(
      String dir,
      String user,
      String userCommand,
      boolean withInput,
      Optional<String> inlinePart,
      long maxStdout,
      long maxStderr) {
    List<String> lines = new ArrayList<>();
    lines.add(prepare(dir));
    inlinePart.ifPresent(part -> lines.add("printf %s '" + part + "' > \"$d\"/" + partName(0)));
    String input = "/dev/null";
    if (withInput) {
      lines.add("cat \"$d\"/in.* | base64 -d > \"$d/in\" || exit " + SETUP_FAILED);
      lines.add("rm -f \"$d\"/in.*");
      input = "\"$d/in\"";
    }
    lines.add(
        "runuser -l "
            + ShellQuote.quote(user)
            + " --session-command "
            + ShellQuote.quote(userCommand)
            + " < "
            + input
            + " > \"$d/out\" 2> \"$d/err\"");
    lines.add("rc=$?");
    lines.add("o=$(stat -c %s \"$d/out\") && e=$(stat -c %s \"$d/err\") || exit " + SETUP_FAILED);
    lines.add("no=$o; [ \"$no\" -gt " + maxStdout + " ] && no=" + maxStdout);
    lines.add("ne=$e; [ \"$ne\" -gt " + maxStderr + " ] && ne=" + maxStderr);
    lines.add("if [ $((no + ne)) -le " + INLINE_BYTES + " ]; then");
    lines.add("  printf '" + MARK + " %s %s %s inline\\n' \"$rc\" \"$o\" \"$e\"");
    lines.add("  head -c \"$no\" \"$d/out\" | base64 -w0; echo");
    lines.add("  head -c \"$ne\" \"$d/err\" | base64 -w0; echo");
    lines.add("  rm -rf \"$d\"");
    lines.add("else");
    lines.add("  printf '" + MARK + " %s %s %s staged\\n' \"$rc\" \"$o\" \"$e\"");
    lines.add("  rm -f \"$d/in\"");
    lines.add("fi");
    lines.add("exit 0");
    return lines;
  }

  /** Answers, in Base64, {@code length} bytes of {@code out} or {@code err} from {@code offset}. */
  static List<String> readChunk(String dir, String file, long offset, int length) {
    return List.of(
        "d=" + ShellQuote.quote(dir),
        "tail -c +" + (offset + 1) + " \"$d/" + file + "\" | head -c " + length + " | base64 -w0");
  }

  /** Removes a command's directory. */
  static List<String> remove(String dir) {
    return List.of("rm -rf -- " + ShellQuote.quote(dir));
  }

  /**
   * Reads the answer of an {@link #execute} script.
   *
   * @throws IllegalArgumentException when it is not one
   */
  static Answer parse(String standardOutput) {
    List<String> lines = standardOutput.lines().toList();
    Matcher header = lines.isEmpty() ? null : HEADER.matcher(lines.get(0));
    if (header == null || !header.matches()) {
      throw new IllegalArgumentException("the answer does not start with the expected header");
    }
    int exitCode = Integer.parseInt(header.group(1));
    long stdoutSize = Long.parseLong(header.group(2));
    long stderrSize = Long.parseLong(header.group(3));
    if (header.group(4).equals("staged")) {
      return new Answer(exitCode, stdoutSize, stderrSize, Optional.empty(), Optional.empty());
    }
    if (lines.size() < 3) {
      throw new IllegalArgumentException("the answer lacks the inline outputs");
    }
    return new Answer(
        exitCode,
        stdoutSize,
        stderrSize,
        Optional.of(decode(lines.get(1))),
        Optional.of(decode(lines.get(2))));
  }

  /** Decodes a chunk's answer; {@code expected} is the length it must have. */
  static byte[] decodeChunk(String standardOutput, int expected) {
    byte[] bytes = decode(standardOutput.strip());
    if (bytes.length != expected) {
      throw new IllegalArgumentException(
          "a chunk of " + expected + " bytes came back with " + bytes.length);
    }
    return bytes;
  }

  private static byte[] decode(String base64) {
    return Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
  }

  private static String prepare(String dir) {
    return "umask 077; d="
        + ShellQuote.quote(dir)
        + "; mkdir -p -m 700 "
        + BASE
        + " && mkdir -p \"$d\" || exit "
        + SETUP_FAILED
        // directories of clients that died mid-command: older than SSM's longest execution (48 h)
        + "; find "
        + BASE
        + " -mindepth 1 -maxdepth 1 -type d -mmin +"
        + ABANDONED_MINUTES
        + " -exec rm -rf {} + 2>/dev/null || true";
  }

  private static String partName(int index) {
    return String.format("in.%06d", index);
  }
}
