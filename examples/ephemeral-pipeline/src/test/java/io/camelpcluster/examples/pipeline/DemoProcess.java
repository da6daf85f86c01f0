package io.camelpcluster.examples.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link PipelineMain} in a JVM of its own, as a user starts it: {@code java -cp <the test
 * classpath> PipelineMain args}, with the java of this JVM, stdout and stderr in a log file.
 */
final class DemoProcess {
  private final Process process;
  private final Path log;

  private DemoProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts the demo with these arguments and extra environment variables. */
  static DemoProcess start(List<String> args, Map<String, String> env, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(PipelineMain.class.getName());
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("LC_ALL", "C.UTF-8");
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      return new DemoProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  /** Waits for the exit code; fails (killing the process) if it takes longer than {@code limit}. */
  int exitCode(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      throw new AssertionError("the demo did not exit within " + limit + ":\n" + log());
    }
    return process.exitValue();
  }

  /** kill -9, and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, as Ctrl-C; waits at most {@code limit} for the exit code. */
  int stop(Duration limit) throws InterruptedException {
    process.destroy();
    return exitCode(limit);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** What it printed so far. */
  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
