package io.camelpcluster.emulator.cluster;

/**
 * How a cluster creation will fail.
 *
 * @param failureCode the API's failure code, e.g. {@code HeadNodeBootstrapFailure}
 * @param failureReason the API's reason sentence
 * @param waitConditionReason the reason of the failed head-node wait condition, from which the
 *     server derives the code
 * @param failedResource the resource that failed first (logical id), or null when the wait
 *     condition itself failed
 * @param failedResourceType its CloudFormation type, or null
 * @param failedResourceReason why it failed, or null
 */
public record CreateFailure(
    String failureCode,
    String failureReason,
    String waitConditionReason,
    String failedResource,
    String failedResourceType,
    String failedResourceReason) {

  /** A failure of the head node bootstrap with a catalogued (or any) failure code. */
  public static CreateFailure ofCode(String failureCode) {
    return FailureCatalog.describe(failureCode);
  }

  /** A failure because EC2 does not offer an instance type. */
  public static CreateFailure unsupportedInstanceType(
      String logicalId, String type, String instanceType) {
    return new CreateFailure(
        "ResourceCreationFailure",
        "Failed to create resources for head node bootstrap.",
        "Resource creation cancelled",
        logicalId,
        type,
        "Resource handler returned message: \"The instance type '"
            + instanceType
            + "' is not supported. Specify a supported instance type.\" (Service: Ec2, Status"
            + " Code: 400, Request ID: 8c1e6a3f-2f21-4b5c-9d9e-0d1f5a7e3b21)");
  }
}
