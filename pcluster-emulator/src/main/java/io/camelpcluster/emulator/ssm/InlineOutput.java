package io.camelpcluster.emulator.ssm;

/**
 * How much of a command's output the SSM API shows inline, cut exactly as the agent cuts it: the
 * first 24,000 bytes of stdout and 8,000 of stderr for {@code GetCommandInvocation}, whose last 20
 * bytes give way to {@code --output truncated--} once the limit is reached; and a combined output
 * of 2,500 bytes for the plugin of {@code ListCommandInvocations}. Anything longer has to be
 * fetched another way (S3 on AWS).
 */
final class InlineOutput {
  static final int STDOUT_LIMIT = 24_000;
  static final int STDERR_LIMIT = 8_000;
  static final int PLUGIN_OUTPUT_LIMIT = 2_500;

  static final String TRUNCATED_SUFFIX = "--output truncated--";
  private static final String ERROR_TITLE = "\n----------ERROR-------\n";
  private static final String OUTPUT_CUT = "\n---Output truncated---";
  private static final String ERROR_CUT = "\n---Error truncated----";

  private InlineOutput() {}

  /** {@code StandardOutputContent}. */
  static String standardOutput(CapturedOutput stdout) {
    return prefix(stdout, STDOUT_LIMIT);
  }

  /** {@code StandardErrorContent}. */
  static String standardError(CapturedOutput stderr) {
    return prefix(stderr, STDERR_LIMIT);
  }

  /**
   * A plugin's {@code Output}: stdout, then stderr under an error title, both shortened to fit
   * 2,500 bytes in the agent's proportions.
   */
  static String pluginOutput(CapturedOutput stdout, CapturedOutput stderr) {
    long out = stdout.size();
    long err = stderr.size();
    String title = err > 0 ? ERROR_TITLE : "";
    int available = PLUGIN_OUTPUT_LIMIT - title.length();
    if (out + err < available) {
      return stdout.all() + title + stderr.all();
    }
    if (out > available / 2 && err > available / 2) {
      int cut = available - ERROR_CUT.length() - OUTPUT_CUT.length();
      return stdout.first(cut / 2) + OUTPUT_CUT + title + stderr.first(cut / 2) + ERROR_CUT;
    }
    if (out < available / 2) {
      int cut = available - ERROR_CUT.length();
      return stdout.all() + title + stderr.first((int) (cut - out)) + ERROR_CUT;
    }
    int cut = available - OUTPUT_CUT.length();
    return stdout.first((int) Math.max(0, cut - err))
        + OUTPUT_CUT
        + title
        + stderr.first(available);
  }

  private static String prefix(CapturedOutput output, int limit) {
    if (output.size() < limit) {
      return output.all();
    }
    return output.first(limit - TRUNCATED_SUFFIX.length()) + TRUNCATED_SUFFIX;
  }
}
