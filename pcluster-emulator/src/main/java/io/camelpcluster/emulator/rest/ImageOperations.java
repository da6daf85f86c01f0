package io.camelpcluster.emulator.rest;

import io.camelpcluster.emulator.config.ConfigYaml;
import io.camelpcluster.emulator.image.ImageService;
import io.camelpcluster.emulator.image.OfficialImages;
import io.camelpcluster.emulator.model.ApiException;
import io.camelpcluster.emulator.model.PyRepr;
import io.camelpcluster.emulator.model.Responses;
import io.camelpcluster.emulator.server.HttpResult;
import java.util.ArrayList;
import java.util.List;

/** The 8 image operations (Image Operations and Image Logs). */
public final class ImageOperations {
  private static final String IMAGE = "/v3/images/custom/{imageId}";
  private static final List<String> IMAGE_STATUSES = List.of("AVAILABLE", "PENDING", "FAILED");

  private final ImageService images;
  private final Regions regions;

  /**
   * @param images the operations' logic
   * @param regions resolves the region of each request
   */
  public ImageOperations(ImageService images, Regions regions) {
    this.images = images;
    this.regions = regions;
  }

  /** The routes. */
  public List<Route> routes() {
    return List.of(
        Route.of("ListImages", "GET", "/v3/images/custom", false, this::listImages),
        Route.of("BuildImage", "POST", "/v3/images/custom", true, this::buildImage),
        Route.of("DescribeImage", "GET", IMAGE, false, this::describeImage),
        Route.of("DeleteImage", "DELETE", IMAGE, true, this::deleteImage),
        Route.of("ListImageLogStreams", "GET", IMAGE + "/logstreams", false, this::logStreams),
        Route.of(
            "GetImageLogEvents",
            "GET",
            IMAGE + "/logstreams/{logStreamName}",
            false,
            this::logEvents),
        Route.of("GetImageStackEvents", "GET", IMAGE + "/stackevents", false, this::stackEvents),
        Route.of("ListOfficialImages", "GET", "/v3/images/official", false, this::official));
  }

  private HttpResult listImages(OperationRequest request) {
    QueryParameters query = request.query();
    String token = query.string("nextToken").orElse(null);
    query.required("imageStatus");
    String status = query.oneOf("imageStatus", IMAGE_STATUSES).orElseThrow();
    return HttpResult.json(200, images.list(regions.resolve(query), status, token));
  }

  private HttpResult buildImage(OperationRequest request) {
    QueryParameters query = request.query();
    var policy = ApiParameters.validationPolicy(query);
    boolean dryRun = query.bool("dryrun", false);
    boolean rollback = query.bool("rollbackOnFailure", false);
    JsonBody body = request.json();
    String yaml = body.string("imageConfiguration");
    String imageId = body.matching("imageId", ApiParameters.NAME);
    body.require("imageConfiguration", "imageId");
    ConfigYaml.Parsed config = ConfigYaml.parse(yaml);
    String region = regions.resolve(query, config.region());
    return HttpResult.json(202, images.build(region, imageId, config, policy, dryRun, rollback));
  }

  private HttpResult describeImage(OperationRequest request) {
    String imageId = ApiParameters.name(request, "imageId");
    return HttpResult.json(200, images.describe(regions.resolve(request.query()), imageId));
  }

  private HttpResult deleteImage(OperationRequest request) {
    String imageId = ApiParameters.name(request, "imageId");
    request.query().bool("force", false);
    return HttpResult.json(202, images.delete(regions.resolve(request.query()), imageId));
  }

  private HttpResult logStreams(OperationRequest request) {
    String imageId = ApiParameters.name(request, "imageId");
    String token = request.query().string("nextToken").orElse(null);
    return HttpResult.json(
        200, images.logStreams(regions.resolve(request.query()), imageId, token));
  }

  private HttpResult logEvents(OperationRequest request) {
    String imageId = ApiParameters.name(request, "imageId");
    String stream = request.path("logStreamName");
    var events = ApiParameters.logEventsQuery(request.query());
    return HttpResult.json(
        200, images.logEvents(regions.resolve(request.query()), imageId, stream, events));
  }

  private HttpResult stackEvents(OperationRequest request) {
    String imageId = ApiParameters.name(request, "imageId");
    String token = request.query().string("nextToken").orElse(null);
    return HttpResult.json(
        200, images.stackEvents(regions.resolve(request.query()), imageId, token));
  }

  private HttpResult official(OperationRequest request) {
    QueryParameters query = request.query();
    String os = query.string("os").orElse(null);
    String architecture = query.string("architecture").orElse(null);
    List<String> errors = new ArrayList<>();
    if (os != null && !OfficialImages.OSES.contains(os)) {
      errors.add(os + " is not one of " + PyRepr.of(OfficialImages.OSES));
    }
    if (architecture != null && !OfficialImages.ARCHITECTURES.contains(architecture)) {
      errors.add(architecture + " is not one of " + PyRepr.of(OfficialImages.ARCHITECTURES));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(String.join("; ", errors));
    }
    String region = regions.resolve(query);
    return HttpResult.json(
        200, new Responses.OfficialImageList(OfficialImages.list(region, os, architecture)));
  }
}
