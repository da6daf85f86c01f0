package io.camelpcluster.pcluster.api;

/**
 * A cluster or image configuration that cannot be used: empty, not YAML, over the limits, or not a
 * mapping.
 */
public class InvalidConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigurationException(String message) {
    super(message);
  }

  public InvalidConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
