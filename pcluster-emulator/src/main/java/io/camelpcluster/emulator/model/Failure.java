package io.camelpcluster.emulator.model;

/** Why a cluster creation failed. */
public record Failure(String failureCode, String failureReason) {}
