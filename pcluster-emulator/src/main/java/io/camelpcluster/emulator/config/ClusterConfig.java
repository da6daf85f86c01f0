package io.camelpcluster.emulator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.emulator.model.Tag;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A typed view of a cluster configuration that passed the schema: what the emulator needs to run
 * the cluster.
 *
 * @param tree the parsed configuration
 */
public record ClusterConfig(ObjectNode tree) {

  /**
   * The tag that makes a cluster fail to create, for tests: its value is the failure code (e.g.
   * {@code HeadNodeBootstrapFailure}).
   */
  public static final String FAIL_CREATE_TAG = "emulator:fail-create";

  /** A Slurm queue. */
  public record Queue(String name, List<ComputeResource> computeResources) {}

  /** A compute resource of a queue, with its instance types (one, or its {@code Instances}). */
  public record ComputeResource(
      String name, List<String> instanceTypes, int minCount, int maxCount) {

    /** The instance type its nodes are launched with (the first one). */
    public String instanceType() {
      return instanceTypes.isEmpty() ? "" : instanceTypes.get(0);
    }
  }

  /** The scheduler, {@code slurm} or {@code awsbatch}. */
  public String scheduler() {
    return tree.path("Scheduling").path("Scheduler").asText();
  }

  /** Whether the scheduler is AWS Batch. */
  public boolean awsBatch() {
    return scheduler().equals("awsbatch");
  }

  /** The operating system. */
  public String os() {
    return tree.path("Image").path("Os").asText();
  }

  /** The custom AMI, if any. */
  public Optional<String> customAmi() {
    return text(tree.path("Image").path("CustomAmi"));
  }

  /** The head node's instance type. */
  public String headNodeInstanceType() {
    return tree.path("HeadNode").path("InstanceType").asText();
  }

  /** The head node's SSH key pair, if any. */
  public Optional<String> keyName() {
    return text(tree.path("HeadNode").path("Ssh").path("KeyName"));
  }

  /** Whether CloudWatch logging is on (it is by default). */
  public boolean cloudWatchEnabled() {
    JsonNode enabled = tree.path("Monitoring").path("Logs").path("CloudWatch").path("Enabled");
    return enabled.isMissingNode() || truthy(enabled);
  }

  /** The Slurm queue update strategy, if set. */
  public Optional<String> queueUpdateStrategy() {
    return text(tree.path("Scheduling").path("SlurmSettings").path("QueueUpdateStrategy"));
  }

  /** Whether Slurm accounting (a database) is configured. */
  public boolean slurmAccounting() {
    return tree.path("Scheduling").path("SlurmSettings").has("Database");
  }

  /** The cluster-level tags. */
  public List<Tag> tags() {
    List<Tag> tags = new ArrayList<>();
    tree.path("Tags")
        .forEach(t -> tags.add(new Tag(t.path("Key").asText(), t.path("Value").asText())));
    return tags;
  }

  /** The failure code asked for with the {@link #FAIL_CREATE_TAG} tag, if any. */
  public Optional<String> requestedCreateFailure() {
    return tags().stream().filter(t -> t.key().equals(FAIL_CREATE_TAG)).map(Tag::value).findFirst();
  }

  /** The Slurm queues (AWS Batch queues have no static nodes and are not listed). */
  public List<Queue> queues() {
    List<Queue> queues = new ArrayList<>();
    for (JsonNode queue : tree.path("Scheduling").path("SlurmQueues")) {
      List<ComputeResource> resources = new ArrayList<>();
      for (JsonNode cr : queue.path("ComputeResources")) {
        resources.add(
            new ComputeResource(
                cr.path("Name").asText(),
                instanceTypes(cr),
                count(cr.path("MinCount"), 0),
                count(cr.path("MaxCount"), 10)));
      }
      queues.add(new Queue(queue.path("Name").asText(), resources));
    }
    return queues;
  }

  /** Every instance type of the compute resources. */
  public List<String> computeInstanceTypes() {
    return queues().stream()
        .flatMap(q -> q.computeResources().stream())
        .flatMap(cr -> cr.instanceTypes().stream())
        .toList();
  }

  private static List<String> instanceTypes(JsonNode computeResource) {
    List<String> types = new ArrayList<>();
    if (computeResource.has("InstanceType")) {
      types.add(computeResource.path("InstanceType").asText());
    }
    computeResource.path("Instances").forEach(i -> types.add(i.path("InstanceType").asText()));
    return types;
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
  }

  private static boolean truthy(JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String text = node.asText().toLowerCase();
    return !(text.equals("false")
        || text.equals("no")
        || text.equals("off")
        || text.equals("0")
        || text.equals("n")
        || text.equals("f"));
  }

  private static int count(JsonNode node, int defaultValue) {
    BigInteger value = Schema.Int.integer(node);
    if (value == null) {
      return defaultValue;
    }
    return value.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
  }
}
