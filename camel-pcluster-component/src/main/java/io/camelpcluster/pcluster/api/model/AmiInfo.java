package io.camelpcluster.pcluster.api.model;

/** An official ParallelCluster AMI. */
public record AmiInfo(String amiId, String name, String os, String architecture, String version) {}
