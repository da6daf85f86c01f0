package io.camelpcluster.emulator.ssm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code AWS-RunShellScript} document (schema 1.2), the one document the emulator runs: its
 * parameters as SSM checks them, and the execution timeout as the agent applies it.
 *
 * @param commands the script's lines
 * @param workingDirectory where it runs, or empty for the agent's orchestration directory
 * @param executionTimeout how long it may run before the agent kills it
 */
record RunShellScript(List<String> commands, String workingDirectory, Duration executionTimeout) {

  /** The document name. */
  static final String DOCUMENT_NAME = "AWS-RunShellScript";

  /** Its one plugin (step), as invocations name it. */
  static final String PLUGIN_NAME = "aws:runShellScript";

  /** The document version commands run. */
  static final String DOCUMENT_VERSION = "$DEFAULT";

  private static final Set<String> PARAMETERS =
      Set.of("commands", "workingDirectory", "executionTimeout");
  private static final int WORKING_DIRECTORY_MAX_CHARS = 4096;
  private static final Pattern EXECUTION_TIMEOUT =
      Pattern.compile(
          "([1-9][0-9]{0,4})|(1[0-6][0-9]{4})|(17[0-1][0-9]{3})|(172[0-7][0-9]{2})|(172800)");

  /** The agent's default, also used for values outside its range. */
  private static final int DEFAULT_TIMEOUT_SECONDS = 3600;

  private static final int MIN_TIMEOUT_SECONDS = 5;
  private static final int MAX_TIMEOUT_SECONDS = 172_800;

  /** Checks a SendCommand's {@code Parameters} against the document. */
  static RunShellScript of(Map<String, List<String>> parameters) {
    for (String name : parameters.keySet()) {
      if (!PARAMETERS.contains(name)) {
        throw SsmException.invalidParameters(
            "Parameter \""
                + echo(name)
                + "\" is not declared by "
                + DOCUMENT_NAME
                + "; its parameters are commands, workingDirectory and executionTimeout.");
      }
    }
    List<String> commands = parameters.getOrDefault("commands", List.of());
    if (commands.isEmpty()) {
      throw SsmException.invalidParameters(
          "Parameter \"commands\" is required and needs at least one item.");
    }
    String workingDirectory = single(parameters, "workingDirectory", "");
    if (workingDirectory.length() > WORKING_DIRECTORY_MAX_CHARS) {
      throw SsmException.invalidParameters(
          "Parameter \"workingDirectory\" is longer than "
              + WORKING_DIRECTORY_MAX_CHARS
              + " characters.");
    }
    String timeout =
        single(parameters, "executionTimeout", String.valueOf(DEFAULT_TIMEOUT_SECONDS));
    if (!EXECUTION_TIMEOUT.matcher(timeout).matches()) {
      throw SsmException.invalidParameters(
          "Parameter \"executionTimeout\" value \""
              + echo(timeout)
              + "\" does not match the allowed pattern "
              + EXECUTION_TIMEOUT.pattern()
              + ".");
    }
    return new RunShellScript(
        List.copyOf(commands), workingDirectory, agentTimeout(Integer.parseInt(timeout)));
  }

  /** The script file's content: the lines joined by newlines, as the agent writes it. */
  String script() {
    return String.join("\n", commands) + "\n";
  }

  /**
   * The agent runs commands at most 48 hours and at least 5 seconds; a value outside that range
   * silently becomes its default of an hour (so {@code "1"} means an hour, not a second).
   */
  private static Duration agentTimeout(int seconds) {
    return Duration.ofSeconds(
        seconds < MIN_TIMEOUT_SECONDS || seconds > MAX_TIMEOUT_SECONDS
            ? DEFAULT_TIMEOUT_SECONDS
            : seconds);
  }

  private static String single(Map<String, List<String>> parameters, String name, String fallback) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty()) {
      return fallback;
    }
    if (values.size() > 1) {
      throw SsmException.invalidParameters(
          "Parameter \"" + name + "\" is a String and takes exactly one value.");
    }
    return values.get(0);
  }

  private static String echo(String value) {
    return value.length() <= 128 ? value : value.substring(0, 128) + "...";
  }
}
