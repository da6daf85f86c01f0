package io.camelpcluster.emulator.model;

/** One changed parameter of an update; a missing value is {@code "-"}. */
public record Change(String parameter, String currentValue, String requestedValue) {}
