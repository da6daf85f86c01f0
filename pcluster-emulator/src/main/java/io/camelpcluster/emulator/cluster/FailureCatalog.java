package io.camelpcluster.emulator.cluster;

import java.util.Map;

/**
 * The creation failures ParallelCluster recognises: its failure code, the reason the API shows, and
 * the wait-condition reason on the stack from which the server derives them.
 */
final class FailureCatalog {
  private record Entry(String apiReason, String waitConditionReason) {}

  private static final Map<String, Entry> ENTRIES =
      Map.ofEntries(
          Map.entry(
              "AmiVersionMismatch",
              new Entry(
                  "ParallelCluster version of the custom AMI is different than the cookbook."
                      + " Please make them consistent.",
                  "This AMI was created with a different ParallelCluster version")),
          Map.entry(
              "InvalidAmi",
              new Entry(
                  "The custom AMI is invalid. It needs to be created using build-image command by"
                      + " providing your AMI as parent image.",
                  "This AMI was not baked by ParallelCluster")),
          entry("OnNodeConfiguredExecutionFailure", "Failed to execute OnNodeConfigured script"),
          entry("OnNodeConfiguredDownloadFailure", "Failed to download OnNodeConfigured script"),
          entry("OnNodeConfiguredFailure", "Failed to run OnNodeConfigured script"),
          entry("OnNodeStartExecutionFailure", "Failed to execute OnNodeStart script"),
          entry("OnNodeStartDownloadFailure", "Failed to download OnNodeStart script"),
          entry("OnNodeStartFailure", "Failed to run OnNodeStart script"),
          entry("EbsMountFailure", "Failed to mount EBS volume"),
          entry("EfsMountFailure", "Failed to mount EFS"),
          entry("FsxMountFailure", "Failed to mount FSX"),
          entry("RaidMountFailure", "Failed to mount RAID array"),
          Map.entry(
              "HeadNodeBootstrapFailure",
              new Entry(
                  "Cluster creation timed out.",
                  "WaitCondition timed out. Received 0 conditions when expecting 1")),
          Map.entry(
              "ResourceCreationFailure",
              new Entry(
                  "Failed to create resources for head node bootstrap.",
                  "Resource creation cancelled")),
          Map.entry(
              "StaticNodeBootstrapFailure",
              new Entry(
                  "Cluster has been set to PROTECTED mode due to failures detected in static node"
                      + " provisioning.",
                  "Cluster has been set to PROTECTED mode due to failures detected in static node"
                      + " provisioning")));

  private FailureCatalog() {}

  static CreateFailure describe(String failureCode) {
    Entry entry = ENTRIES.get(failureCode);
    if (entry == null) {
      return new CreateFailure(
          failureCode,
          "Failed to create the cluster.",
          "Failed to create the cluster: " + failureCode,
          null,
          null,
          null);
    }
    return new CreateFailure(
        failureCode, entry.apiReason(), entry.waitConditionReason(), null, null, null);
  }

  private static Map.Entry<String, Entry> entry(String code, String cfnReason) {
    return Map.entry(code, new Entry(cfnReason + ".", cfnReason));
  }
}
