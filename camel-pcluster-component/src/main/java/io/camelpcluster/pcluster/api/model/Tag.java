package io.camelpcluster.pcluster.api.model;

/** A key/value tag of a stack or an AMI. */
public record Tag(String key, String value) {}
