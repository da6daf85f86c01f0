package io.camelpcluster.pcluster.api.model;

/**
 * Why a cluster creation failed.
 *
 * @param failureCode e.g. {@code ClusterCreationFailure} or {@code HeadNodeBootstrapFailure}
 * @param failureReason a short sentence
 */
public record Failure(String failureCode, String failureReason) {}
