package io.camelpcluster.emulator.model;

/** The scheduler of a cluster: {@code slurm} or {@code awsbatch}. */
public record Scheduler(String type) {}
