/**
 * The request and response records and the enums of the ParallelCluster API v3, free of HTTP.
 *
 * <p>Field names follow the API's JSON. Absent optional fields are null, absent lists empty. Enums
 * keep the API's spellings on the wire; a value added by a newer service reads as {@code
 * UNKNOWN_TO_CLIENT} (distinct from {@code ComputeFleetStatus.UNKNOWN}, which the service itself
 * reports). Requests carry their path and query parameters, {@code region} included (null for the
 * client's default), and are built with {@code of(...)}, {@code with...(...)} or a builder.
 */
package io.camelpcluster.pcluster.api.model;
