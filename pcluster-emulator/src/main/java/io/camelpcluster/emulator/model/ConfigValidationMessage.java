package io.camelpcluster.emulator.model;

/** A configuration finding; {@code type} is the validator's class name. */
public record ConfigValidationMessage(String type, ValidationLevel level, String message) {}
