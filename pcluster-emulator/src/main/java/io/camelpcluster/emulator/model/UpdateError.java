package io.camelpcluster.emulator.model;

/** A change that the update policy refuses. */
public record UpdateError(
    String parameter, String currentValue, String requestedValue, String message) {}
