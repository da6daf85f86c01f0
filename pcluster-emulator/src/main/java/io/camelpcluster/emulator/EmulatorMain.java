package io.camelpcluster.emulator;

/** Standalone entry point of the emulator (placeholder until the emulator lands). */
public final class EmulatorMain {
  private EmulatorMain() {}

  public static void main(String[] args) {
    System.out.println("pcluster-emulator");
  }
}
