package io.camelpcluster.emulator.cluster;

import java.util.Optional;

/** Failures planned for clusters about to be created (fault injection). */
public interface CreateFailurePlan {

  /** The failure code the next created cluster must end with, if one is planned. */
  Optional<String> nextCreateFailure();
}
