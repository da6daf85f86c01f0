package io.camelpcluster.emulator.objects;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated S3 bucket holding the configurations as submitted, one object per version. Lives in
 * the emulator state and is used under its lock.
 */
public final class ObjectStore {
  private final Map<String, String> objects = new LinkedHashMap<>();

  /** Stores an object. */
  public void put(String key, String content) {
    objects.put(key, content);
  }

  /** An object, if present. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(objects.get(key));
  }

  /** Deletes every object whose key starts with a prefix. */
  public void deletePrefix(String prefix) {
    objects.keySet().removeIf(k -> k.startsWith(prefix));
  }
}
