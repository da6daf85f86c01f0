package io.camelpcluster.examples.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * Where the demo's pipeline reads and writes, as its properties say.
 *
 * @param inputBucket the bucket it watches
 * @param inputPrefix the key prefix it watches ("" for all)
 * @param resultsBucket the bucket its results go to
 * @param outputFiles the files each job writes, uploaded under the run's result prefix
 */
record DemoTargets(
    String inputBucket, String inputPrefix, String resultsBucket, List<String> outputFiles) {
  DemoTargets {
    Objects.requireNonNull(inputBucket, "inputBucket");
    Objects.requireNonNull(inputPrefix, "inputPrefix");
    Objects.requireNonNull(resultsBucket, "resultsBucket");
    outputFiles = List.copyOf(outputFiles);
  }
}
