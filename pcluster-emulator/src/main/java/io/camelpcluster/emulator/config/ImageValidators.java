package io.camelpcluster.emulator.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelpcluster.emulator.model.ValidationLevel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The semantic validators of image configurations, named after the server's classes. */
public final class ImageValidators {
  /** The root volume size of the parent images the emulator assumes, in GB. */
  static final int PARENT_VOLUME_SIZE = 35;

  private ImageValidators() {}

  /** Every finding for an image configuration that passed the schema. */
  public static List<ValidationFinding> validate(JsonNode config) {
    List<ValidationFinding> findings = new ArrayList<>();
    BigInteger size = Schema.Int.integer(config.path("Image").path("RootVolume").path("Size"));
    if (size != null && size.compareTo(BigInteger.valueOf(PARENT_VOLUME_SIZE)) < 0) {
      findings.add(
          new ValidationFinding(
              "AMIVolumeSizeValidator",
              ValidationLevel.ERROR,
              "Root volume size "
                  + size
                  + " GB is less than the minimum required size "
                  + PARENT_VOLUME_SIZE
                  + " GB that equals parent ami volume size."));
    }
    return findings;
  }
}
