package io.camelpcluster.emulator.config;

import static io.camelpcluster.emulator.model.ValidationLevel.ERROR;
import static io.camelpcluster.emulator.model.ValidationLevel.WARNING;

import io.camelpcluster.emulator.model.PyRepr;
import io.camelpcluster.emulator.model.Tag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The semantic validators the emulator runs after the schema, named after the server's validator
 * classes. AWS-side checks (does the subnet exist?) are not emulated.
 */
public final class ClusterValidators {
  private static final Pattern CLUSTER_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]{0,59}");
  private static final Pattern CLUSTER_NAME_WITH_ACCOUNTING =
      Pattern.compile("[a-zA-Z][a-zA-Z0-9-]{0,39}");
  private static final int MAX_QUEUES = 50;
  private static final int MAX_COMPUTE_RESOURCES = 50;

  private ClusterValidators() {}

  /** Every finding for a configuration that passed the schema. */
  public static List<ValidationFinding> validate(String clusterName, ClusterConfig config) {
    List<ValidationFinding> findings = new ArrayList<>();
    clusterName(clusterName, config).ifPresent(findings::add);
    keyPair(config).ifPresent(findings::add);
    findings.addAll(schedulerOs(config));
    findings.addAll(duplicateNames(config));
    findings.addAll(maxCounts(config));
    findings.addAll(computeResourceSizes(config));
    findings.addAll(architectures(config));
    findings.addAll(duplicateTags(config));
    config
        .customAmi()
        .ifPresent(
            ami ->
                findings.add(
                    new ValidationFinding(
                        "AmiOsCompatibleValidator",
                        WARNING,
                        "Could not check node AMI "
                            + ami
                            + " OS and cluster OS "
                            + config.os()
                            + " compatibility, please make sure they are compatible before"
                            + " cluster creation and update operations.")));
    return findings;
  }

  private static Optional<ValidationFinding> clusterName(String name, ClusterConfig config) {
    boolean accounting = config.slurmAccounting();
    Pattern pattern = accounting ? CLUSTER_NAME_WITH_ACCOUNTING : CLUSTER_NAME;
    if (pattern.matcher(name).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new ValidationFinding(
            "ClusterNameValidator",
            ERROR,
            "Error: The cluster name can contain only alphanumeric characters (case-sensitive) and"
                + " hyphens. It must start with an alphabetic character and can't be longer than "
                + (accounting ? 40 : 60)
                + " characters."
                + (accounting
                    ? " The limit is 40 characters when Slurm accounting is used."
                    : "")));
  }

  private static Optional<ValidationFinding> keyPair(ClusterConfig config) {
    if (config.keyName().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        new ValidationFinding(
            "KeyPairValidator",
            WARNING,
            "If you do not specify a key pair, you can't connect to the instance unless you choose"
                + " an AMI that is configured to allow users another way to log in"));
  }

  private static List<ValidationFinding> schedulerOs(ClusterConfig config) {
    List<String> batchOses = List.of("alinux2", "alinux2023");
    if (config.awsBatch() && !batchOses.contains(config.os())) {
      return List.of(
          new ValidationFinding(
              "SchedulerOsValidator",
              ERROR,
              "awsbatch scheduler supports the following operating systems: "
                  + PyRepr.of(batchOses)
                  + "."));
    }
    return List.of();
  }

  private static List<ValidationFinding> duplicateNames(ClusterConfig config) {
    List<ValidationFinding> findings = new ArrayList<>();
    Set<String> queues = new HashSet<>();
    Set<String> duplicateQueues = new TreeSet<>();
    for (ClusterConfig.Queue queue : config.queues()) {
      if (!queues.add(queue.name())) {
        duplicateQueues.add(queue.name());
      }
      Set<String> resources = new HashSet<>();
      Set<String> duplicateResources = new TreeSet<>();
      queue.computeResources().stream()
          .filter(cr -> !resources.add(cr.name()))
          .forEach(cr -> duplicateResources.add(cr.name()));
      if (!duplicateResources.isEmpty()) {
        findings.add(
            duplicate(
                "Compute resource names in queue '" + queue.name() + "'", duplicateResources));
      }
    }
    if (!duplicateQueues.isEmpty()) {
      findings.add(0, duplicate("Queue names", duplicateQueues));
    }
    return findings;
  }

  private static ValidationFinding duplicate(String what, Set<String> names) {
    return new ValidationFinding(
        "DuplicateNameValidator",
        ERROR,
        what + " must be unique. Duplicate names: " + String.join(", ", names) + ".");
  }

  private static List<ValidationFinding> maxCounts(ClusterConfig config) {
    List<ValidationFinding> findings = new ArrayList<>();
    List<ClusterConfig.Queue> queues = config.queues();
    if (queues.size() > MAX_QUEUES) {
      findings.add(
          new ValidationFinding(
              "MaxCountValidator",
              ERROR,
              "Invalid number of queues ("
                  + queues.size()
                  + ") specified. Currently only supports up to "
                  + MAX_QUEUES
                  + " queues."));
    }
    int total = queues.stream().mapToInt(q -> q.computeResources().size()).sum();
    if (total > MAX_COMPUTE_RESOURCES) {
      findings.add(
          new ValidationFinding(
              "MaxCountValidator",
              ERROR,
              "Invalid number of compute resources ("
                  + total
                  + ") specified. Currently only supports up to "
                  + MAX_COMPUTE_RESOURCES
                  + " compute resources in the cluster."));
    }
    return findings;
  }

  private static List<ValidationFinding> computeResourceSizes(ClusterConfig config) {
    List<ValidationFinding> findings = new ArrayList<>();
    for (ClusterConfig.Queue queue : config.queues()) {
      for (ClusterConfig.ComputeResource cr : queue.computeResources()) {
        if (cr.minCount() > cr.maxCount()) {
          findings.add(
              new ValidationFinding(
                  "ComputeResourceSizeValidator",
                  ERROR,
                  "Max count must be greater than or equal to min count in compute resource '"
                      + cr.name()
                      + "' of queue '"
                      + queue.name()
                      + "'."));
        }
      }
    }
    return findings;
  }

  private static List<ValidationFinding> architectures(ClusterConfig config) {
    Optional<String> head = InstanceTypes.architecture(config.headNodeInstanceType());
    if (head.isEmpty()) {
      return List.of();
    }
    List<ValidationFinding> findings = new ArrayList<>();
    for (String type : config.computeInstanceTypes()) {
      InstanceTypes.architecture(type)
          .filter(arch -> !arch.equals(head.get()))
          .ifPresent(
              arch ->
                  findings.add(
                      new ValidationFinding(
                          "InstanceArchitectureCompatibilityValidator",
                          ERROR,
                          "The architecture of the compute instance type '"
                              + type
                              + "' ("
                              + arch
                              + ") must match the architecture of the head node instance type '"
                              + config.headNodeInstanceType()
                              + "' ("
                              + head.get()
                              + ").")));
    }
    return findings;
  }

  private static List<ValidationFinding> duplicateTags(ClusterConfig config) {
    Set<String> keys = new HashSet<>();
    Set<String> duplicates = new TreeSet<>();
    for (Tag tag : config.tags()) {
      if (!keys.add(tag.key())) {
        duplicates.add(tag.key());
      }
    }
    return duplicates.isEmpty()
        ? List.of()
        : List.of(
            new ValidationFinding(
                "TagKeyValidator",
                ERROR,
                "Duplicate tag keys: " + String.join(", ", duplicates) + "."));
  }
}
