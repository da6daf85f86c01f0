package io.camelpcluster.emulator.ssm;

import java.util.Optional;

/** Finds the instances SSM can reach right now, i.e. whose agent is online. */
@FunctionalInterface
public interface ManagedInstances {

  /** The instance with this id, if it is online. */
  Optional<ManagedInstance> find(String instanceId);
}
