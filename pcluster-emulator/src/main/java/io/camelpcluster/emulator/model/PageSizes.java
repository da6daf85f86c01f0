package io.camelpcluster.emulator.model;

/**
 * Items per page of the paginated operations, mirroring the AWS calls underneath them.
 *
 * @param clusters ListClusters (CloudFormation DescribeStacks)
 * @param instances DescribeClusterInstances (EC2 DescribeInstances)
 * @param logStreams List*LogStreams (CloudWatch DescribeLogStreams)
 * @param stackEvents Get*StackEvents (CloudFormation DescribeStackEvents)
 * @param images ListImages with PENDING or FAILED
 */
public record PageSizes(int clusters, int instances, int logStreams, int stackEvents, int images) {

  /** The AWS calls' own page sizes. */
  public static PageSizes aws() {
    return new PageSizes(100, 1000, 50, 100, 100);
  }

  /** The same size for every listing (for tests of pagination). */
  public static PageSizes all(int size) {
    return new PageSizes(size, size, size, size, size);
  }
}
