package io.camelpcluster.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs as files in a directory: {@code <runId>.json}, each written to a temporary file, flushed to
 * disk and renamed over the old one, so a crash leaves either the old or the new version. Loading
 * reads every file; a file that cannot be read (partial, corrupt, foreign) is logged and skipped,
 * and leftover temporary files are removed.
 */
final class DirectoryRunStore implements RunStore {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryRunStore.class);
  private static final String SUFFIX = ".json";
  private static final String TEMP_SUFFIX = ".json.tmp";
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

  private final Path directory;
  private final List<String> skipped = new ArrayList<>();

  DirectoryRunStore(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public synchronized List<PipelineRun> load() {
    skipped.clear();
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the journal directory " + directory, e);
    }
    List<PipelineRun> runs = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(TEMP_SUFFIX)) {
          removeLeftover(file);
        } else if (name.endsWith(SUFFIX)) {
          PipelineRun run = read(file, name.substring(0, name.length() - SUFFIX.length()));
          if (run != null) {
            runs.add(run);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the journal directory " + directory, e);
    }
    return runs;
  }

  @Override
  public synchronized void save(PipelineRun run) {
    Path file = file(run.runId());
    Path temp = directory.resolve(run.runId() + TEMP_SUFFIX);
    byte[] json = PipelineJson.write(run).getBytes(StandardCharsets.UTF_8);
    try {
      try (FileChannel channel =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(json);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write run " + run.runId() + " to " + file, e);
    }
  }

  @Override
  public synchronized void delete(String runId) {
    try {
      Files.deleteIfExists(file(runId));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete run " + runId + " from " + directory, e);
    }
  }

  @Override
  public synchronized List<String> skipped() {
    return List.copyOf(skipped);
  }

  @Override
  public String toString() {
    return "directory " + directory;
  }

  private Path file(String runId) {
    if (!RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException("not a run id: " + Texts.printable(runId, 64));
    }
    return directory.resolve(runId + SUFFIX);
  }

  private PipelineRun read(Path file, String expectedRunId) {
    try {
      PipelineRun run =
          PipelineJson.read(Files.readString(file, StandardCharsets.UTF_8), PipelineRun.class);
      if (!run.runId().equals(expectedRunId)) {
        return skip(file, "it holds run " + Texts.printable(run.runId(), 64));
      }
      return run;
    } catch (IOException | RuntimeException e) {
      return skip(file, e.getMessage());
    }
  }

  private PipelineRun skip(Path file, String why) {
    String problem = file + ": " + Texts.printable(String.valueOf(why), 300);
    skipped.add(problem);
    LOG.warn("Skipping unreadable journal file {}", problem);
    return null;
  }

  private void removeLeftover(Path temp) {
    try {
      Files.deleteIfExists(temp);
      LOG.info("Removed {}, left over from an interrupted journal write", temp);
    } catch (IOException e) {
      LOG.warn("Cannot remove the leftover journal file {}: {}", temp, e.getMessage());
    }
  }
}
