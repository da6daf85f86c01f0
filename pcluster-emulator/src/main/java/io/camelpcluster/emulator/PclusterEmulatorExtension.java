package io.camelpcluster.emulator;

import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running a {@link PclusterEmulator}: registered on a static field it starts
 * before all tests of the class and stops after them; on an instance field, around each test. It
 * resolves {@link PclusterEmulator} parameters.
 *
 * <pre>{@code
 * @RegisterExtension
 * static PclusterEmulatorExtension emulator =
 *     PclusterEmulatorExtension.withConfig(EmulatorConfig.builder().anonymous(true).build());
 * }</pre>
 */
public final class PclusterEmulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private final EmulatorConfig config;
  private PclusterEmulator emulator;
  private boolean perClass;

  /** An extension with the default configuration. */
  public PclusterEmulatorExtension() {
    this(EmulatorConfig.defaults());
  }

  private PclusterEmulatorExtension(EmulatorConfig config) {
    this.config = config;
  }

  /** An extension with this configuration. */
  public static PclusterEmulatorExtension withConfig(EmulatorConfig config) {
    return new PclusterEmulatorExtension(config);
  }

  /** The running emulator. */
  public PclusterEmulator emulator() {
    if (emulator == null) {
      throw new IllegalStateException("the emulator is not running");
    }
    return emulator;
  }

  /** The running emulator's invoke URL. */
  public URI endpoint() {
    return emulator().endpoint();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    emulator = PclusterEmulator.start(config);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      emulator = PclusterEmulator.start(config);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PclusterEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return emulator();
  }

  private void stop() {
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
  }
}
