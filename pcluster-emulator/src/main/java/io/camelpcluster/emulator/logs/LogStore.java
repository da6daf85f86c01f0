package io.camelpcluster.emulator.logs;

import io.camelpcluster.emulator.model.LogEvent;
import io.camelpcluster.emulator.model.LogStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CloudWatch Logs as the emulator keeps it: log groups of streams of events. Not thread-safe: it
 * lives in the emulator state and is used under its lock.
 */
public final class LogStore {
  private final Map<String, Group> groups = new LinkedHashMap<>();

  /** A log group. */
  static final class Group {
    String name;
    String arnPrefix;
    Instant creationTime;
    TreeMap<String, Stream> streams = new TreeMap<>();

    Group() {}
  }

  /** A log stream. */
  static final class Stream {
    String name;
    Instant creationTime;
    List<LogEvent> events = new ArrayList<>();

    Stream() {}
  }

  /**
   * Creates a log group.
   *
   * @param name the group name
   * @param arnPrefix {@code arn:<partition>:logs:<region>:<account>}
   * @param at when
   */
  public void createGroup(String name, String arnPrefix, Instant at) {
    Group group = new Group();
    group.name = name;
    group.arnPrefix = arnPrefix;
    group.creationTime = at;
    groups.put(name, group);
  }

  /** Whether a group exists. */
  public boolean hasGroup(String name) {
    return groups.containsKey(name);
  }

  /** Deletes a group and its streams. */
  public void deleteGroup(String name) {
    groups.remove(name);
  }

  /** Appends events to a stream of an existing group, creating the stream if needed. */
  public void append(String groupName, String streamName, Instant at, List<String> messages) {
    Group group = groups.get(groupName);
    if (group == null) {
      return;
    }
    Stream stream =
        group.streams.computeIfAbsent(
            streamName,
            name -> {
              Stream created = new Stream();
              created.name = name;
              created.creationTime = at;
              return created;
            });
    messages.forEach(m -> stream.events.add(new LogEvent(at, m)));
  }

  /** The streams of a group whose names start with a prefix (all when empty), by name. */
  public List<LogStream> streams(String groupName, String prefix) {
    Group group = groups.get(groupName);
    if (group == null) {
      return List.of();
    }
    return group.streams.values().stream()
        .filter(s -> s.name.startsWith(prefix))
        .map(s -> describe(group, s))
        .toList();
  }

  /** The events of a stream, oldest first, if the stream exists. */
  public Optional<List<LogEvent>> events(String groupName, String streamName) {
    Group group = groups.get(groupName);
    if (group == null) {
      return Optional.empty();
    }
    Stream stream = group.streams.get(streamName);
    return stream == null ? Optional.empty() : Optional.of(List.copyOf(stream.events));
  }

  private static LogStream describe(Group group, Stream stream) {
    Instant first =
        stream.events.isEmpty() ? stream.creationTime : stream.events.get(0).timestamp();
    Instant last =
        stream.events.isEmpty()
            ? stream.creationTime
            : stream.events.get(stream.events.size() - 1).timestamp();
    return new LogStream(
        stream.name,
        stream.creationTime,
        first,
        last,
        last,
        String.format("%056d", stream.events.size()),
        group.arnPrefix + ":log-group:" + group.name + ":log-stream:" + stream.name);
  }
}
