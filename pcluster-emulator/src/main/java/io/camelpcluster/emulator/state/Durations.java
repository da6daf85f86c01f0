package io.camelpcluster.emulator.state;

import java.time.Duration;

/**
 * How long the emulated operations take.
 *
 * @param create a cluster creation
 * @param update a cluster update
 * @param delete a cluster deletion (and a stack rollback or self-deletion)
 * @param imageBuild an image build
 * @param fleetTransition a compute fleet start or stop
 */
public record Durations(
    Duration create,
    Duration update,
    Duration delete,
    Duration imageBuild,
    Duration fleetTransition) {}
