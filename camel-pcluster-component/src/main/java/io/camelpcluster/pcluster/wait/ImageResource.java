package io.camelpcluster.pcluster.wait;

import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.api.model.DescribeImageResponse;
import io.camelpcluster.pcluster.api.model.GetImageStackEventsRequest;
import io.camelpcluster.pcluster.api.model.ImageInfoSummary;
import java.util.concurrent.CompletableFuture;

/** Custom images as DescribeImage shows them. */
record ImageResource(ParallelClusterAsyncClient client, String region)
    implements Resource<DescribeImageResponse, ImageInfoSummary> {

  @Override
  public String kind() {
    return "image";
  }

  @Override
  public String label(DescribeImageResponse image) {
    if (image == null) {
      return "gone";
    }
    String status = String.valueOf(image.imageBuildStatus());
    return image.cloudformationStackStatus() == null
        ? status
        : status + " (stack " + image.cloudformationStackStatus() + ")";
  }

  @Override
  public boolean same(DescribeImageResponse a, DescribeImageResponse b) {
    return a.imageBuildStatus() == b.imageBuildStatus()
        && a.cloudformationStackStatus() == b.cloudformationStackStatus();
  }

  @Override
  public ImageInfoSummary result(DescribeImageResponse image) {
    return image == null ? null : image.toSummary();
  }

  /**
   * The stack's and EC2 Image Builder's status reasons, and the first failed resource of the build
   * stack when there is one.
   */
  @Override
  public CompletableFuture<String> reason(String imageId, DescribeImageResponse image) {
    if (image == null) {
      return CompletableFuture.completedFuture("the image no longer exists");
    }
    CompletableFuture<String> stackReason =
        CompletableFuture.completedFuture(image.cloudformationStackStatusReason());
    CompletableFuture<String> builderReason =
        CompletableFuture.completedFuture(image.imagebuilderImageStatusReason());
    CompletableFuture<String> resource =
        image.cloudformationStackArn() == null
            ? CompletableFuture.completedFuture(null)
            : client
                .getAllImageStackEvents(new GetImageStackEventsRequest(imageId, region, null))
                .thenApply(StackEventReasons::firstFailedResource);
    return FailureText.join(stackReason, builderReason, resource);
  }
}
