package io.camelpcluster.emulator.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelpcluster.emulator.server.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where the emulator's state lives between runs: nowhere (memory only), or a JSON file in a
 * directory, replaced atomically (write a temporary file, then rename) on every change.
 */
public sealed interface StateStore<S> {

  /** The saved state, if any. */
  Optional<S> load();

  /** Saves the state. */
  void save(S state);

  /** Keeps nothing. */
  static <S> StateStore<S> inMemory() {
    return new InMemory<>();
  }

  /** Keeps {@code state.json} in a directory (created if needed). */
  static <S> StateStore<S> directory(Path directory, Class<S> type) {
    return new OnDisk<>(directory, type);
  }

  /** Memory only. */
  record InMemory<S>() implements StateStore<S> {
    @Override
    public Optional<S> load() {
      return Optional.empty();
    }

    @Override
    public void save(S state) {}
  }

  /** A JSON file, written atomically. */
  record OnDisk<S>(Path directory, Class<S> type) implements StateStore<S> {
    private static final ObjectMapper MAPPER =
        Json.mapper()
            .copy()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);

    /** The state file. */
    public Path file() {
      return directory.resolve("state.json");
    }

    @Override
    public Optional<S> load() {
      Path file = file();
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      try {
        return Optional.of(MAPPER.readValue(file.toFile(), type));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the emulator state " + file, e);
      }
    }

    @Override
    public void save(S state) {
      try {
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "state-", ".json.tmp");
        try {
          MAPPER.writeValue(temporary.toFile(), state);
          move(temporary, file());
        } finally {
          Files.deleteIfExists(temporary);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot save the emulator state in " + directory, e);
      }
    }

    private static void move(Path from, Path to) throws IOException {
      try {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
