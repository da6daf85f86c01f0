package io.camelpcluster.pipeline;

import java.util.Objects;

/**
 * The checks an input passes before the pipeline spends money on a cluster: not empty, and no
 * larger than {@code maxInputBytes} (what the job's staging downloads). An input whose size the
 * trigger did not give passes: the job's download then finds out.
 *
 * @param maxInputBytes the largest input accepted, in bytes; at least 1
 */
public record InputCheck(long maxInputBytes) {

  /** The default limit: 5 GiB, the largest object a single S3 PUT can write. */
  public static final long DEFAULT_MAX_INPUT_BYTES = 5L * 1024 * 1024 * 1024;

  public InputCheck {
    if (maxInputBytes < 1) {
      throw new IllegalArgumentException(
          "maxInputBytes must be at least 1, but is " + maxInputBytes);
    }
  }

  /**
   * Passes an acceptable input, throws otherwise.
   *
   * @throws InputRejectedException if the input is empty or larger than {@code maxInputBytes}
   */
  public void check(InputObject input) {
    Objects.requireNonNull(input, "input");
    Long size = input.size();
    if (size == null) {
      return;
    }
    if (size == 0) {
      throw new InputRejectedException("input " + input.displayName() + " is empty");
    }
    if (size > maxInputBytes) {
      throw new InputRejectedException(
          "input "
              + input.displayName()
              + " is "
              + size
              + " bytes, more than maxInputBytes "
              + maxInputBytes);
    }
  }
}
