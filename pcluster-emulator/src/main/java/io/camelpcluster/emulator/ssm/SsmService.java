package io.camelpcluster.emulator.ssm;

import io.camelpcluster.emulator.model.ApiException;
import io.camelpcluster.emulator.model.Pages;
import io.camelpcluster.emulator.server.Json;
import io.camelpcluster.emulator.ssm.SsmResponses.CloudWatchOutputConfig;
import io.camelpcluster.emulator.ssm.SsmResponses.NotificationConfig;
import io.camelpcluster.emulator.state.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The Run Command operations of SSM: SendCommand, GetCommandInvocation, ListCommandInvocations and
 * CancelCommand, for {@code AWS-RunShellScript} on the online head nodes of the API's region.
 * Checks run in the service's order (member constraints, document, parameters, instances); errors
 * are {@link SsmException}s. Commands are kept in memory for the emulator's life.
 */
public final class SsmService {
  private static final int MAX_INSTANCE_IDS = 50;
  private static final int MAX_TARGETS = 5;
  private static final int MAX_COMMENT = 100;
  private static final int MIN_DELIVERY_TIMEOUT = 30;
  private static final int MAX_DELIVERY_TIMEOUT = 2_592_000;
  private static final int DEFAULT_DELIVERY_TIMEOUT = 3600;
  private static final int COMMAND_ID_LENGTH = 36;
  private static final int MAX_RESULTS = 50;
  private static final int MAX_FILTERS = 5;

  private final String region;
  private final Clock clock;
  private final ManagedInstances instances;
  private final ShellAgent agent;
  private final Map<String, List<Invocation>> invocations = new ConcurrentHashMap<>();

  /**
   * @param region the region of the API (SSM is regional; head nodes of this region only)
   * @param clock stamps the commands
   * @param instances the online instances
   * @param agent runs the commands
   */
  public SsmService(String region, Clock clock, ManagedInstances instances, ShellAgent agent) {
    this.region = region;
    this.clock = clock;
    this.instances = instances;
    this.agent = agent;
  }

  /** SendCommand. */
  SsmResponses.SendCommandResult send(JsonInput in) {
    String documentName = in.string("DocumentName").orElse(null);
    List<String> instanceIds = in.strings("InstanceIds");
    List<JsonInput> targets = in.objects("Targets");
    Integer deliveryTimeout = in.integer("TimeoutSeconds").orElse(null);
    String comment = in.string("Comment").orElse("");
    Map<String, List<String>> parameters = in.stringLists("Parameters");
    new Constraints()
        .required("documentName", documentName)
        .pattern("documentName", documentName, Constraints.DOCUMENT_NAME)
        .size("instanceIds", instanceIds, MAX_INSTANCE_IDS)
        .eachMatches("instanceIds", instanceIds, Constraints.INSTANCE_ID)
        .size("targets", targets, MAX_TARGETS)
        .length("comment", comment, 0, MAX_COMMENT)
        .range("timeoutSeconds", deliveryTimeout, MIN_DELIVERY_TIMEOUT, MAX_DELIVERY_TIMEOUT)
        .check();
    if (!documentName.equals(RunShellScript.DOCUMENT_NAME)
        && !documentName.endsWith(":document/" + RunShellScript.DOCUMENT_NAME)) {
      throw SsmException.invalidDocument();
    }
    RunShellScript script = RunShellScript.of(parameters);
    List<String> ids = targetInstanceIds(instanceIds, targets);
    List<ManagedInstance> online = new ArrayList<>();
    List<String> offline = new ArrayList<>();
    for (String id : ids) {
      instances.find(id).ifPresentOrElse(online::add, () -> offline.add(id));
    }
    if (!offline.isEmpty()) {
      throw SsmException.invalidInstanceId(offline);
    }
    SentCommand command =
        new SentCommand(
            Ids.uuid(),
            comment,
            parameters,
            ids,
            now(),
            deliveryTimeout == null ? DEFAULT_DELIVERY_TIMEOUT : deliveryTimeout,
            script,
            in.string("OutputS3BucketName").orElse(""),
            in.string("OutputS3KeyPrefix").orElse(""),
            region);
    List<Invocation> sent =
        online.stream()
            .map(instance -> new Invocation(command, instance, agent.deliversAtOnce()))
            .toList();
    invocations.put(command.commandId(), sent);
    sent.forEach(agent::send);
    return new SsmResponses.SendCommandResult(render(command, targets));
  }

  /** GetCommandInvocation. */
  SsmResponses.GetCommandInvocationResult get(JsonInput in) {
    String commandId = in.string("CommandId").orElse(null);
    String instanceId = in.string("InstanceId").orElse(null);
    Optional<String> pluginName = in.string("PluginName");
    new Constraints()
        .required("commandId", commandId)
        .length("commandId", commandId, COMMAND_ID_LENGTH, COMMAND_ID_LENGTH)
        .required("instanceId", instanceId)
        .pattern("instanceId", instanceId, Constraints.INSTANCE_ID)
        .check();
    Invocation.View view =
        invocations.getOrDefault(commandId, List.of()).stream()
            .filter(i -> i.instance().instanceId().equals(instanceId))
            .map(Invocation::view)
            .filter(Invocation.View::visible)
            .findFirst()
            .orElseThrow(SsmException::invocationDoesNotExist);
    if (pluginName.isPresent() && !pluginName.get().equals(RunShellScript.PLUGIN_NAME)) {
      throw SsmException.invalidPluginName();
    }
    return renderInvocation(view);
  }

  /** ListCommandInvocations: newest first. */
  SsmResponses.ListCommandInvocationsResult list(JsonInput in) {
    Optional<String> commandId = in.string("CommandId");
    Optional<String> instanceId = in.string("InstanceId");
    Integer maxResults = in.integer("MaxResults").orElse(null);
    List<JsonInput> filters = in.objects("Filters");
    new Constraints()
        .length("commandId", commandId.orElse(null), COMMAND_ID_LENGTH, COMMAND_ID_LENGTH)
        .pattern("instanceId", instanceId.orElse(null), Constraints.INSTANCE_ID)
        .range("maxResults", maxResults, 1, MAX_RESULTS)
        .size("filters", filters, MAX_FILTERS)
        .check();
    Predicate<Invocation.View> filter = v -> true;
    for (JsonInput f : filters) {
      filter = filter.and(filter(f));
    }
    boolean details = in.bool("Details").orElse(false);
    List<Invocation.View> matching =
        invocations.entrySet().stream()
            .filter(e -> commandId.map(e.getKey()::equals).orElse(true))
            .flatMap(e -> e.getValue().stream())
            .filter(i -> instanceId.map(i.instance().instanceId()::equals).orElse(true))
            .map(Invocation::view)
            .filter(Invocation.View::visible)
            .filter(filter)
            .sorted(
                Comparator.comparing((Invocation.View v) -> v.command().requestedAt())
                    .reversed()
                    .thenComparing(v -> v.command().commandId())
                    .thenComparing(
                        v -> v.command().instanceIds().indexOf(v.instance().instanceId())))
            .toList();
    Pages.Page<Invocation.View> page;
    try {
      page =
          Pages.page(
              "invocations",
              matching,
              in.string("NextToken").orElse(null),
              maxResults == null ? MAX_RESULTS : maxResults);
    } catch (ApiException e) {
      throw SsmException.invalidNextToken();
    }
    return new SsmResponses.ListCommandInvocationsResult(
        page.items().stream().map(v -> renderListed(v, details)).toList(), page.nextToken());
  }

  /** CancelCommand: stops the command on the instances given (all when none). */
  Map<String, Object> cancel(JsonInput in) {
    String commandId = in.string("CommandId").orElse(null);
    List<String> instanceIds = in.strings("InstanceIds");
    new Constraints()
        .required("commandId", commandId)
        .length("commandId", commandId, COMMAND_ID_LENGTH, COMMAND_ID_LENGTH)
        .size("instanceIds", instanceIds, MAX_INSTANCE_IDS)
        .eachMatches("instanceIds", instanceIds, Constraints.INSTANCE_ID)
        .check();
    List<Invocation> sent = invocations.get(commandId);
    if (sent == null) {
      throw SsmException.invalidCommandId();
    }
    List<String> unknown =
        instanceIds.stream()
            .filter(id -> sent.stream().noneMatch(i -> i.instance().instanceId().equals(id)))
            .toList();
    if (!unknown.isEmpty()) {
      throw SsmException.invalidInstanceId(unknown);
    }
    sent.stream()
        .filter(i -> instanceIds.isEmpty() || instanceIds.contains(i.instance().instanceId()))
        .forEach(agent::cancel);
    return Map.of();
  }

  /** InstanceIds and the values of {@code InstanceIds} targets, without duplicates. */
  private static List<String> targetInstanceIds(List<String> instanceIds, List<JsonInput> targets) {
    LinkedHashSet<String> ids = new LinkedHashSet<>(instanceIds);
    for (JsonInput target : targets) {
      String key = target.string("Key").orElse("");
      if (!key.equals("InstanceIds")) {
        throw SsmException.invalidTarget(
            "The emulator resolves only InstanceIds targets, not " + echo(key) + ".");
      }
      List<String> values = target.strings("Values");
      new Constraints().eachMatches("targets.values", values, Constraints.INSTANCE_ID).check();
      ids.addAll(values);
    }
    if (ids.isEmpty()) {
      throw SsmException.validation(List.of("Either InstanceIds or Targets must be specified"));
    }
    return List.copyOf(ids);
  }

  private static Predicate<Invocation.View> filter(JsonInput filter) {
    String key = filter.string("key").orElse("");
    String value = filter.string("value").orElse("");
    return switch (key) {
      case "InvokedAfter" -> v -> !v.command().requestedAt().isBefore(instant(value));
      case "InvokedBefore" -> v -> !v.command().requestedAt().isAfter(instant(value));
      case "Status" -> {
        if (InvocationStatus.ofWireName(value) == null && !value.equals("Delayed")) {
          throw SsmException.invalidFilterKey("Unknown status " + echo(value) + ".");
        }
        yield v -> v.status().wireName().equals(value);
      }
      case "ExecutionStage" -> {
        if (!value.equals("Executing") && !value.equals("Complete")) {
          throw SsmException.invalidFilterKey(
              "ExecutionStage is Executing or Complete, not " + echo(value) + ".");
        }
        yield v -> v.status().terminal() == value.equals("Complete");
      }
      case "DocumentName" -> v -> value.equals(RunShellScript.DOCUMENT_NAME);
      default -> throw SsmException.invalidFilterKey("Unknown filter key " + echo(key) + ".");
    };
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw SsmException.invalidFilterKey(
          "The value " + echo(value) + " is not an ISO-8601 time such as 2024-01-31T00:00:00Z.");
    }
  }

  private SsmResponses.Command render(SentCommand command, List<JsonInput> targets) {
    return new SsmResponses.Command(
        command.commandId(),
        RunShellScript.DOCUMENT_NAME,
        RunShellScript.DOCUMENT_VERSION,
        command.comment(),
        command.expiresAfter(),
        command.parameters(),
        command.instanceIds(),
        targets.stream()
            .map(t -> new SsmResponses.Target(t.string("Key").orElse(""), t.strings("Values")))
            .toList(),
        command.requestedAt(),
        InvocationStatus.PENDING.wireName(),
        InvocationStatus.PENDING.details(),
        command.region(),
        command.outputS3BucketName(),
        command.outputS3KeyPrefix(),
        "50",
        "0",
        command.instanceIds().size(),
        0,
        0,
        0,
        "",
        NotificationConfig.NONE,
        CloudWatchOutputConfig.NONE,
        command.deliveryTimeoutSeconds());
  }

  private static SsmResponses.GetCommandInvocationResult renderInvocation(Invocation.View v) {
    return new SsmResponses.GetCommandInvocationResult(
        v.command().commandId(),
        v.instance().instanceId(),
        v.command().comment(),
        RunShellScript.DOCUMENT_NAME,
        RunShellScript.DOCUMENT_VERSION,
        RunShellScript.PLUGIN_NAME,
        v.responseCode(),
        v.startedAt() == null ? "" : Json.TIMESTAMP.format(v.startedAt()),
        v.startedAt() == null || v.endedAt() == null
            ? ""
            : Duration.between(v.startedAt(), v.endedAt()).toString(),
        v.endedAt() == null ? "" : Json.TIMESTAMP.format(v.endedAt()),
        v.status().wireName(),
        v.status().details(),
        v.standardOutput(),
        "",
        v.standardError(),
        "",
        CloudWatchOutputConfig.NONE);
  }

  private static SsmResponses.CommandInvocation renderListed(Invocation.View v, boolean details) {
    SentCommand command = v.command();
    List<SsmResponses.CommandPlugin> plugins =
        details
            ? List.of(
                new SsmResponses.CommandPlugin(
                    RunShellScript.PLUGIN_NAME,
                    v.status().wireName(),
                    v.status().details(),
                    v.responseCode(),
                    v.startedAt(),
                    v.endedAt(),
                    v.pluginOutput(),
                    "",
                    "",
                    command.region(),
                    command.outputS3BucketName(),
                    command.outputS3KeyPrefix()))
            : List.of();
    return new SsmResponses.CommandInvocation(
        command.commandId(),
        v.instance().instanceId(),
        v.instance().hostName(),
        command.comment(),
        RunShellScript.DOCUMENT_NAME,
        RunShellScript.DOCUMENT_VERSION,
        command.requestedAt(),
        v.status().wireName(),
        v.status().details(),
        "",
        "",
        "",
        plugins,
        "",
        NotificationConfig.NONE,
        CloudWatchOutputConfig.NONE);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String echo(String value) {
    return value.length() <= 128 ? value : value.substring(0, 128) + "...";
  }
}
