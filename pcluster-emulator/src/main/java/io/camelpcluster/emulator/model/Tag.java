package io.camelpcluster.emulator.model;

/** A resource tag. */
public record Tag(String key, String value) {}
