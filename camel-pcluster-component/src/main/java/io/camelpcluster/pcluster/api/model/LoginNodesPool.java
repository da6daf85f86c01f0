package io.camelpcluster.pcluster.api.model;

/** A pool of login nodes of a Slurm cluster. */
public record LoginNodesPool(
    LoginNodesState status,
    String poolName,
    String address,
    String scheme,
    Integer healthyNodes,
    Integer unhealthyNodes) {}
