package io.camelpcluster.pcluster.api.model;

/** Legacy scheduler-plugin information; normally absent. */
public record Metadata(String name, String version) {}
