/**
 * A Java client for the AWS ParallelCluster API v3, usable without Camel.
 *
 * <pre>{@code
 * try (ParallelClusterClient client =
 *     ParallelClusterClient.builder()
 *         .endpoint(URI.create("https://abc123.execute-api.eu-west-1.amazonaws.com/prod"))
 *         .region("eu-west-1")
 *         .build()) {
 *   client.createCluster(CreateClusterRequest.of("hpc-1", yaml));
 *   client.listAllClusters(ListClustersRequest.all()).forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>{@link io.camelpcluster.pcluster.api.ParallelClusterAsyncClient} is the non-blocking core;
 * {@link io.camelpcluster.pcluster.api.ParallelClusterClient} waits for it. Requests and responses
 * are the records of {@link io.camelpcluster.pcluster.api.model}. Calls are validated before they
 * are sent, signed with SigV4 for {@code execute-api}, retried on throttling, gateway errors and
 * connection failures, and fail with a {@link
 * io.camelpcluster.pcluster.api.ParallelClusterException}. {@link
 * io.camelpcluster.pcluster.api.SafeYaml} is the one parser of untrusted YAML.
 */
package io.camelpcluster.pcluster.api;
