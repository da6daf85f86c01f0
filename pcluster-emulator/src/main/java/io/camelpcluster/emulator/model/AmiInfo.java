package io.camelpcluster.emulator.model;

/** An official ParallelCluster AMI. */
public record AmiInfo(String architecture, String amiId, String name, String os, String version) {}
