package io.camelpcluster.emulator.config;

import static io.camelpcluster.emulator.config.Schemas.any;
import static io.camelpcluster.emulator.config.Schemas.atLeast;
import static io.camelpcluster.emulator.config.Schemas.between;
import static io.camelpcluster.emulator.config.Schemas.bool;
import static io.camelpcluster.emulator.config.Schemas.integer;
import static io.camelpcluster.emulator.config.Schemas.listOf;
import static io.camelpcluster.emulator.config.Schemas.maxLength;
import static io.camelpcluster.emulator.config.Schemas.number;
import static io.camelpcluster.emulator.config.Schemas.oneOf;
import static io.camelpcluster.emulator.config.Schemas.section;
import static io.camelpcluster.emulator.config.Schemas.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The schema of a ParallelCluster 3 cluster configuration: the sections and keys the emulator
 * knows, with their types, enums and patterns. Sections it does not model are accepted as they are;
 * unknown keys are errors, as on the real service.
 */
public final class ClusterSchema {
  /** Supported operating systems. */
  public static final List<String> OSES =
      List.of(
          "alinux2",
          "alinux2023",
          "ubuntu2004",
          "ubuntu2204",
          "rhel8",
          "rocky8",
          "rhel9",
          "rocky9");

  /** The tag key prefix reserved for ParallelCluster's own tags. */
  public static final String RESERVED_TAG_PREFIX = "parallelcluster:";

  private static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-z]{8}|subnet-[0-9a-z]{17}");
  private static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-z]{8}|sg-[0-9a-z]{17}");
  private static final Pattern AMI = Pattern.compile("ami-[0-9a-z]{8}|ami-[0-9a-z]{17}");
  private static final Pattern RESOURCE_NAME = Pattern.compile("[a-z][a-z0-9-]*");
  private static final List<Long> RETENTION_DAYS =
      List.of(
          0L, 1L, 3L, 5L, 7L, 14L, 30L, 60L, 90L, 120L, 150L, 180L, 365L, 400L, 545L, 731L, 1096L,
          1827L, 2192L, 2557L, 2922L, 3288L, 3653L);

  private static final Schema.Section ROOT = root();

  private ClusterSchema() {}

  /** The errors of a configuration, or null when it fits the schema. */
  public static Object check(JsonNode config) {
    return ROOT.check(config);
  }

  /** The tags schema shared by clusters, queues, compute resources and images. */
  static Schema tags() {
    return listOf(
        section()
            .required(
                "Key",
                text(
                    null,
                    128,
                    key ->
                        key.startsWith(RESERVED_TAG_PREFIX)
                            ? "The tag key prefix '"
                                + RESERVED_TAG_PREFIX
                                + "' is reserved and cannot be used."
                            : null))
            .required("Value", maxLength(256))
            .build());
  }

  private static Schema.Section root() {
    return section()
        .optional("Region", text())
        .required(
            "Image", section().required("Os", oneOf(OSES)).optional("CustomAmi", text(AMI)).build())
        .required("HeadNode", headNode())
        .required("Scheduling", scheduling())
        .optional("SharedStorage", listOf(sharedStorage()))
        .optional("Monitoring", monitoring())
        .optional("Tags", tags())
        .optional("LoginNodes", section().optional("Pools", listOf(loginPool())).build())
        .optional("CustomS3Bucket", text())
        .optional("AdditionalResources", text())
        .anything(
            "Iam",
            "AdditionalPackages",
            "DirectoryService",
            "DevSettings",
            "DeploymentSettings",
            "Imds")
        .build();
  }

  private static Schema headNode() {
    return section()
        .required("InstanceType", text())
        .required(
            "Networking",
            section()
                .required("SubnetId", text(SUBNET))
                .optional("ElasticIp", any())
                .optional("SecurityGroups", listOf(text(SECURITY_GROUP)))
                .optional("AdditionalSecurityGroups", listOf(text(SECURITY_GROUP)))
                .anything("Proxy")
                .rule(ClusterSchema::exclusiveSecurityGroups)
                .build())
        .optional(
            "Ssh", section().optional("KeyName", text()).optional("AllowedIps", text()).build())
        .optional("DisableSimultaneousMultithreading", bool())
        .optional("SharedStorageType", oneOf(List.of("Ebs", "Efs")))
        .anything("LocalStorage", "Dcv", "CustomActions", "Iam", "Imds", "Image")
        .build();
  }

  private static Schema scheduling() {
    return section()
        .required("Scheduler", oneOf(List.of("slurm", "awsbatch")))
        .optional(
            "SlurmSettings",
            section()
                .optional("ScaledownIdletime", atLeast(-1))
                .optional(
                    "QueueUpdateStrategy",
                    oneOf(List.of("COMPUTE_FLEET_STOP", "DRAIN", "TERMINATE")))
                .optional("EnableMemoryBasedScheduling", bool())
                .optional("CustomSlurmSettingsIncludeFile", text())
                .optional("MungeKeySecretArn", text())
                .anything(
                    "Database", "ExternalSlurmdbd", "Dns", "CustomSlurmSettings", "ScalingStrategy")
                .build())
        .optional("SlurmQueues", listOf(slurmQueue(), 1, -1))
        .optional("AwsBatchQueues", listOf(batchQueue(), 1, 1))
        .rule(ClusterSchema::queuesMatchScheduler)
        .build();
  }

  private static Schema slurmQueue() {
    return section()
        .required("Name", resourceName())
        .optional("CapacityType", oneOf(List.of("ONDEMAND", "SPOT", "CAPACITY_BLOCK")))
        .optional(
            "AllocationStrategy",
            oneOf(List.of("lowest-price", "capacity-optimized", "price-capacity-optimized")))
        .required(
            "Networking",
            section()
                .required("SubnetIds", listOf(text(SUBNET), 1, -1))
                .optional("AssignPublicIp", bool())
                .optional("SecurityGroups", listOf(text(SECURITY_GROUP)))
                .optional("AdditionalSecurityGroups", listOf(text(SECURITY_GROUP)))
                .anything("PlacementGroup", "Proxy")
                .rule(ClusterSchema::exclusiveSecurityGroups)
                .build())
        .required("ComputeResources", listOf(computeResource(), 1, -1))
        .optional("Tags", tags())
        .optional("JobExclusiveAllocation", bool())
        .anything(
            "ComputeSettings",
            "CustomActions",
            "Iam",
            "Image",
            "HealthChecks",
            "CustomSlurmSettings",
            "CapacityReservationTarget")
        .build();
  }

  private static Schema computeResource() {
    return section()
        .required("Name", resourceName())
        .optional("InstanceType", text())
        .optional("Instances", listOf(section().required("InstanceType", text()).build(), 1, -1))
        .optional("MinCount", atLeast(0))
        .optional("MaxCount", atLeast(1))
        .optional("DisableSimultaneousMultithreading", bool())
        .optional("SchedulableMemory", atLeast(1))
        .optional("SpotPrice", number())
        .optional("StaticNodePriority", integer())
        .optional("DynamicNodePriority", integer())
        .optional("Tags", tags())
        .anything(
            "Efa",
            "CapacityReservationTarget",
            "Networking",
            "HealthChecks",
            "CustomSlurmSettings",
            "LaunchTemplateOverrides")
        .rule(ClusterSchema::oneInstanceSource)
        .build();
  }

  private static Schema batchQueue() {
    return section()
        .required("Name", resourceName())
        .optional("CapacityType", oneOf(List.of("ONDEMAND", "SPOT")))
        .required(
            "Networking",
            section()
                .required("SubnetIds", listOf(text(SUBNET), 1, 1))
                .optional("AssignPublicIp", bool())
                .optional("SecurityGroups", listOf(text(SECURITY_GROUP)))
                .optional("AdditionalSecurityGroups", listOf(text(SECURITY_GROUP)))
                .build())
        .required(
            "ComputeResources",
            listOf(
                section()
                    .required("Name", resourceName())
                    .required("InstanceTypes", listOf(text(), 1, -1))
                    .optional("MinvCpus", atLeast(0))
                    .optional("DesiredvCpus", atLeast(0))
                    .optional("MaxvCpus", atLeast(1))
                    .optional("SpotBidPercentage", between(1, 100))
                    .build(),
                1,
                1))
        .build();
  }

  private static Schema sharedStorage() {
    return section()
        .required("MountDir", text())
        .required("Name", text())
        .required(
            "StorageType",
            oneOf(List.of("Ebs", "Efs", "FsxLustre", "FsxOpenZfs", "FsxOntap", "FileCache")))
        .anything(
            "EbsSettings",
            "EfsSettings",
            "FsxLustreSettings",
            "FsxOpenZfsSettings",
            "FsxOntapSettings",
            "FileCacheSettings")
        .build();
  }

  private static Schema monitoring() {
    return section()
        .optional("DetailedMonitoring", bool())
        .optional(
            "Logs",
            section()
                .optional(
                    "CloudWatch",
                    section()
                        .optional("Enabled", bool())
                        .optional("RetentionInDays", retentionDays())
                        .optional("DeletionPolicy", oneOf(List.of("Delete", "Retain")))
                        .build())
                .anything("Rotation")
                .build())
        .anything("Dashboards", "Alarms")
        .build();
  }

  private static Schema loginPool() {
    return section()
        .required("Name", resourceName())
        .required("InstanceType", text())
        .optional("Count", atLeast(0))
        .required("Networking", any())
        .anything("Ssh", "Iam", "Image", "CustomActions", "GracetimePeriod", "Dcv")
        .build();
  }

  private static Schema retentionDays() {
    return new Schema.IntIn(RETENTION_DAYS);
  }

  private static Schema resourceName() {
    return text(
        RESOURCE_NAME,
        25,
        name -> name.equals("default") ? "It is forbidden to use 'default' as a name." : null);
  }

  private static String exclusiveSecurityGroups(JsonNode networking) {
    return networking.has("SecurityGroups") && networking.has("AdditionalSecurityGroups")
        ? "SecurityGroups and AdditionalSecurityGroups can not be configured together."
        : null;
  }

  private static String oneInstanceSource(JsonNode computeResource) {
    boolean single = computeResource.has("InstanceType");
    boolean multiple = computeResource.has("Instances");
    if (single && multiple) {
      return "A Compute Resource needs to specify either InstanceType or Instances.";
    }
    if (!single && !multiple && !computeResource.has("CapacityReservationTarget")) {
      return "A Compute Resource needs to specify either InstanceType or Instances.";
    }
    return null;
  }

  private static String queuesMatchScheduler(JsonNode scheduling) {
    String scheduler = scheduling.path("Scheduler").asText();
    if (scheduler.equals("slurm") && !scheduling.has("SlurmQueues")) {
      return "SlurmQueues section must be specified when the scheduler is slurm.";
    }
    if (scheduler.equals("awsbatch") && !scheduling.has("AwsBatchQueues")) {
      return "AwsBatchQueues section must be specified when the scheduler is awsbatch.";
    }
    if (scheduler.equals("slurm") && scheduling.has("AwsBatchQueues")) {
      return "AwsBatchQueues section can not be specified when the scheduler is slurm.";
    }
    if (scheduler.equals("awsbatch")
        && (scheduling.has("SlurmQueues") || scheduling.has("SlurmSettings"))) {
      return "Slurm sections can not be specified when the scheduler is awsbatch.";
    }
    return null;
  }
}
