package io.camelpcluster.pcluster.api.model;

/** The answer to DeleteImage: the image in {@code DELETE_IN_PROGRESS}. */
public record DeleteImageResponse(ImageInfoSummary image) {}
