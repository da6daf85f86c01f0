package io.camelpcluster.emulator.model;

/** The ParallelCluster version the emulated API runs. */
public final class ApiVersion {
  /** {@code 3.12.0}. */
  public static final String CURRENT = "3.12.0";

  private ApiVersion() {}
}
