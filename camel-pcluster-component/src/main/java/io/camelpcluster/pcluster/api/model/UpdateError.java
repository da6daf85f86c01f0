package io.camelpcluster.pcluster.api.model;

/** A change that the update policy of a cluster refuses, with the reason. */
public record UpdateError(
    String parameter, String currentValue, String requestedValue, String message) {}
