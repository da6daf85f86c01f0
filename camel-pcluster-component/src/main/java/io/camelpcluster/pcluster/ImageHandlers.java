package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.model.BuildImageRequest;
import io.camelpcluster.pcluster.api.model.DeleteImageRequest;
import io.camelpcluster.pcluster.api.model.DescribeImageRequest;
import io.camelpcluster.pcluster.api.model.ImageStatusFilteringOption;
import io.camelpcluster.pcluster.api.model.ListImagesRequest;
import io.camelpcluster.pcluster.api.model.ListOfficialImagesRequest;
import io.camelpcluster.pcluster.wait.ImageTarget;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Message;

/** The Image Operations of the API, and waitImage. */
final class ImageHandlers {

  private ImageHandlers() {}

  static void register(Map<PclusterOperations, OperationHandler> handlers) {
    handlers.put(PclusterOperations.listImages, ImageHandlers::listImages);
    handlers.put(PclusterOperations.buildImage, ImageHandlers::buildImage);
    handlers.put(PclusterOperations.describeImage, ImageHandlers::describeImage);
    handlers.put(PclusterOperations.deleteImage, ImageHandlers::deleteImage);
    handlers.put(PclusterOperations.listOfficialImages, ImageHandlers::listOfficialImages);
    handlers.put(PclusterOperations.waitImage, ImageHandlers::waitImage);
  }

  static CompletableFuture<Void> listImages(OperationCall call) {
    ListImagesRequest request;
    if (call.inputs().pojoRequest()) {
      request = call.inputs().pojo(ListImagesRequest.class);
    } else {
      ImageStatusFilteringOption status =
          call.inputs()
              .value(
                  PclusterConstants.IMAGE_STATUS,
                  ImageStatusFilteringOption.class,
                  call.configuration().getImageStatus());
      if (status == null) {
        throw new IllegalArgumentException(
            "listImages needs imageStatus (AVAILABLE, PENDING or FAILED): set the imageStatus"
                + " option or the "
                + PclusterConstants.IMAGE_STATUS
                + " header");
      }
      request = new ListImagesRequest(status, call.region(), call.nextToken());
    }
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    return Pagination.fetch(call, request, call.client()::listImages, call.client()::listAllImages);
  }

  static CompletableFuture<Void> buildImage(OperationCall call) {
    BuildImageRequest request = buildRequest(call);
    Message message = call.message();
    if (call.dryRun()) {
      return call.client()
          .buildImageDryRun(request)
          .thenAccept(result -> ResultHeaders.dryRun(message, result));
    }
    return call.client()
        .buildImage(request)
        .thenCompose(
            response -> {
              message.setBody(response);
              ResultHeaders.image(message, response.image());
              ResultHeaders.validationMessages(message, response.validationMessages());
              if (!call.waits().requested()) {
                return OperationHandler.done();
              }
              return call.waits()
                  .image(request.region(), request.imageId(), ImageTarget.built())
                  .thenAccept(image -> ResultHeaders.image(message, image));
            });
  }

  static CompletableFuture<Void> describeImage(OperationCall call) {
    DescribeImageRequest request =
        call.inputs().pojoRequest()
            ? call.inputs().pojo(DescribeImageRequest.class)
            : new DescribeImageRequest(call.imageId(), call.region());
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    Message message = call.message();
    return call.client()
        .describeImage(request)
        .thenAccept(
            response -> {
              message.setBody(response);
              ResultHeaders.image(message, response);
            });
  }

  static CompletableFuture<Void> deleteImage(OperationCall call) {
    DeleteImageRequest request =
        call.inputs().pojoRequest()
            ? call.inputs().pojo(DeleteImageRequest.class)
            : new DeleteImageRequest(
                call.imageId(),
                call.region(),
                call.inputs().flag(PclusterConstants.FORCE, call.configuration().isForce()));
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    DeleteImageRequest sent = request;
    Message message = call.message();
    return call.client()
        .deleteImage(sent)
        .thenCompose(
            response -> {
              message.setBody(response);
              ResultHeaders.image(message, response.image());
              if (!call.waits().requested()) {
                return OperationHandler.done();
              }
              return call.waits()
                  .image(sent.region(), sent.imageId(), ImageTarget.deleted())
                  .thenAccept(gone -> ResultHeaders.imageDeleted(message));
            });
  }

  static CompletableFuture<Void> listOfficialImages(OperationCall call) {
    ListOfficialImagesRequest request =
        call.inputs().pojoRequest()
            ? call.inputs().pojo(ListOfficialImagesRequest.class)
            : new ListOfficialImagesRequest(
                call.region(),
                call.inputs().text(PclusterConstants.OS, call.configuration().getOs()),
                call.inputs()
                    .text(PclusterConstants.ARCHITECTURE, call.configuration().getArchitecture()));
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    Message message = call.message();
    return call.client().listOfficialImages(request).thenAccept(message::setBody);
  }

  static CompletableFuture<Void> waitImage(OperationCall call) {
    String imageId = call.imageId();
    ImageTarget target = call.waits().imageTarget();
    Message message = call.message();
    return call.waits()
        .image(call.region(), imageId, target)
        .thenAccept(
            image -> {
              message.setBody(image);
              message.setHeader(PclusterConstants.IMAGE_ID, imageId);
              ResultHeaders.image(message, image);
              if (target.isReachedWhenGone()) {
                ResultHeaders.imageDeleted(message);
              }
            });
  }

  private static BuildImageRequest buildRequest(OperationCall call) {
    if (call.inputs().pojoRequest()) {
      BuildImageRequest request = call.inputs().pojo(BuildImageRequest.class);
      return request.region() == null ? request.withRegion(call.region()) : request;
    }
    ValidationSettings validation = ValidationSettings.of(call.inputs());
    BuildImageRequest.Builder builder =
        BuildImageRequest.builder()
            .imageId(call.imageId())
            .imageConfiguration(call.documents().image(call.inputs()))
            .region(call.region())
            .validationFailureLevel(validation.failureLevel())
            .rollbackOnFailure(
                call.inputs()
                    .value(
                        PclusterConstants.ROLLBACK_ON_FAILURE,
                        Boolean.class,
                        call.configuration().getRollbackOnFailure()));
    validation.suppressValidators().forEach(builder::suppressValidator);
    return builder.build();
  }
}
