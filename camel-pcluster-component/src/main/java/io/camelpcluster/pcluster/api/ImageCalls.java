package io.camelpcluster.pcluster.api;

import io.camelpcluster.pcluster.api.model.BuildImageRequest;
import io.camelpcluster.pcluster.api.model.DeleteImageRequest;
import io.camelpcluster.pcluster.api.model.DescribeImageRequest;
import io.camelpcluster.pcluster.api.model.GetImageLogEventsRequest;
import io.camelpcluster.pcluster.api.model.GetImageStackEventsRequest;
import io.camelpcluster.pcluster.api.model.ListImageLogStreamsRequest;
import io.camelpcluster.pcluster.api.model.ListImagesRequest;
import io.camelpcluster.pcluster.api.model.ListOfficialImagesRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wire form (validated) of the image operations, tags Image Operations and Image Logs. */
final class ImageCalls {
  static final String LIST_IMAGES = "ListImages";
  static final String BUILD_IMAGE = "BuildImage";
  static final String DESCRIBE_IMAGE = "DescribeImage";
  static final String DELETE_IMAGE = "DeleteImage";
  static final String LIST_IMAGE_LOG_STREAMS = "ListImageLogStreams";
  static final String GET_IMAGE_LOG_EVENTS = "GetImageLogEvents";
  static final String GET_IMAGE_STACK_EVENTS = "GetImageStackEvents";
  static final String LIST_OFFICIAL_IMAGES = "ListOfficialImages";

  private ImageCalls() {}

  static HttpCall listImages(ListImagesRequest r) {
    RequestValidation.of(LIST_IMAGES)
        .required("imageStatus", r.imageStatus())
        .region(r.region())
        .text("nextToken", r.nextToken(), RequestValidation.MAX_PARAMETER)
        .validate();
    return HttpCall.builder(LIST_IMAGES, "GET")
        .path("images", "custom")
        .query("region", r.region())
        .query("nextToken", r.nextToken())
        .query("imageStatus", r.imageStatus())
        .build();
  }

  static HttpCall buildImage(BuildImageRequest r, boolean dryRun) {
    RequestValidation.of(BUILD_IMAGE)
        .imageId(r.imageId())
        .configuration("imageConfiguration", r.imageConfiguration())
        .region(r.region())
        .suppressValidators(r.suppressValidators())
        .known("validationFailureLevel", r.validationFailureLevel())
        .validate();
    Map<String, String> body = new LinkedHashMap<>();
    body.put("imageConfiguration", r.imageConfiguration());
    body.put("imageId", r.imageId());
    return HttpCall.builder(BUILD_IMAGE, "POST")
        .path("images", "custom")
        .query("region", r.region())
        .query("suppressValidators", r.suppressValidators())
        .query("validationFailureLevel", r.validationFailureLevel())
        .query("dryrun", dryRun ? Boolean.TRUE : null)
        .query("rollbackOnFailure", r.rollbackOnFailure())
        .jsonBody(body)
        .idempotent(dryRun)
        .build();
  }

  static HttpCall describeImage(DescribeImageRequest r) {
    named(DESCRIBE_IMAGE, r.imageId(), r.region());
    return HttpCall.builder(DESCRIBE_IMAGE, "GET")
        .path("images", "custom", r.imageId())
        .query("region", r.region())
        .build();
  }

  static HttpCall deleteImage(DeleteImageRequest r) {
    named(DELETE_IMAGE, r.imageId(), r.region());
    return HttpCall.builder(DELETE_IMAGE, "DELETE")
        .path("images", "custom", r.imageId())
        .query("region", r.region())
        .query("force", r.force())
        .build();
  }

  static HttpCall listImageLogStreams(ListImageLogStreamsRequest r) {
    RequestValidation.of(LIST_IMAGE_LOG_STREAMS)
        .imageId(r.imageId())
        .region(r.region())
        .text("nextToken", r.nextToken(), RequestValidation.MAX_PARAMETER)
        .validate();
    return HttpCall.builder(LIST_IMAGE_LOG_STREAMS, "GET")
        .path("images", "custom", r.imageId(), "logstreams")
        .query("region", r.region())
        .query("nextToken", r.nextToken())
        .build();
  }

  static HttpCall getImageLogEvents(GetImageLogEventsRequest r) {
    RequestValidation.of(GET_IMAGE_LOG_EVENTS)
        .imageId(r.imageId())
        .logStreamName(r.logStreamName())
        .region(r.region())
        .logEventsQuery(r.query())
        .validate();
    return ClusterCalls.logEvents(
        HttpCall.builder(GET_IMAGE_LOG_EVENTS, "GET")
            .path("images", "custom", r.imageId(), "logstreams", r.logStreamName())
            .query("region", r.region()),
        r.query());
  }

  static HttpCall getImageStackEvents(GetImageStackEventsRequest r) {
    RequestValidation.of(GET_IMAGE_STACK_EVENTS)
        .imageId(r.imageId())
        .region(r.region())
        .text("nextToken", r.nextToken(), RequestValidation.MAX_PARAMETER)
        .validate();
    return HttpCall.builder(GET_IMAGE_STACK_EVENTS, "GET")
        .path("images", "custom", r.imageId(), "stackevents")
        .query("region", r.region())
        .query("nextToken", r.nextToken())
        .build();
  }

  static HttpCall listOfficialImages(ListOfficialImagesRequest r) {
    RequestValidation.of(LIST_OFFICIAL_IMAGES)
        .region(r.region())
        .text("os", r.os(), 64)
        .text("architecture", r.architecture(), 64)
        .validate();
    return HttpCall.builder(LIST_OFFICIAL_IMAGES, "GET")
        .path("images", "official")
        .query("region", r.region())
        .query("os", r.os())
        .query("architecture", r.architecture())
        .build();
  }

  private static void named(String operation, String imageId, String region) {
    RequestValidation.of(operation).imageId(imageId).region(region).validate();
  }
}
