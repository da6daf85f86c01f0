package io.camelpcluster.emulator;

import io.camelpcluster.emulator.cluster.ClusterRegistry;
import io.camelpcluster.emulator.image.ImageRegistry;
import io.camelpcluster.emulator.logs.LogStore;
import io.camelpcluster.emulator.objects.ObjectStore;

/**
 * Everything the emulator persists: clusters, images, logs and stored configurations.
 *
 * @param formatVersion the file format's version
 * @param clusters the clusters
 * @param images the images
 * @param logs CloudWatch Logs
 * @param objects the stored configurations
 */
record EmulatorSnapshot(
    int formatVersion,
    ClusterRegistry clusters,
    ImageRegistry images,
    LogStore logs,
    ObjectStore objects) {

  /** The current file format. */
  static final int FORMAT_VERSION = 1;

  /** An empty state. */
  static EmulatorSnapshot empty() {
    return new EmulatorSnapshot(
        FORMAT_VERSION,
        new ClusterRegistry(),
        new ImageRegistry(),
        new LogStore(),
        new ObjectStore());
  }
}
