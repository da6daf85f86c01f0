package io.camelpcluster.pcluster.api.model;

import java.util.List;

/** The AMI of a built image, as described by DescribeImage. */
public record Ec2AmiInfo(
    String amiId,
    String amiName,
    String architecture,
    Ec2AmiState state,
    String description,
    List<Tag> tags) {

  public Ec2AmiInfo {
    tags = ModelLists.copy(tags);
  }
}
