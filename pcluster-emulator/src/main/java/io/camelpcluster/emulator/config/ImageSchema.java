package io.camelpcluster.emulator.config;

import static io.camelpcluster.emulator.config.Schemas.atLeast;
import static io.camelpcluster.emulator.config.Schemas.bool;
import static io.camelpcluster.emulator.config.Schemas.listOf;
import static io.camelpcluster.emulator.config.Schemas.section;
import static io.camelpcluster.emulator.config.Schemas.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** The schema of a ParallelCluster 3 image (build-image) configuration. */
public final class ImageSchema {
  private static final Pattern PARENT_IMAGE =
      Pattern.compile("ami-[0-9a-z]{8}|ami-[0-9a-z]{17}|arn:.+");
  private static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-z]{8}|subnet-[0-9a-z]{17}");

  private static final Schema.Section ROOT =
      section()
          .optional("Region", text())
          .optional(
              "Image",
              section()
                  .optional("Name", text())
                  .optional("Tags", ClusterSchema.tags())
                  .optional(
                      "RootVolume",
                      section()
                          .optional("Size", atLeast(1))
                          .optional("Encrypted", bool())
                          .optional("KmsKeyId", text())
                          .build())
                  .build())
          .required(
              "Build",
              section()
                  .required("InstanceType", text())
                  .required("ParentImage", text(PARENT_IMAGE))
                  .optional("SubnetId", text(SUBNET))
                  .optional("SecurityGroupIds", listOf(text()))
                  .optional("Tags", ClusterSchema.tags())
                  .optional("UpdateOsPackages", section().optional("Enabled", bool()).build())
                  .anything("Iam", "Components", "Installation", "Imds")
                  .build())
          .optional("CustomS3Bucket", text())
          .anything("DevSettings", "DeploymentSettings")
          .build();

  private ImageSchema() {}

  /** The errors of an image configuration, or null when it fits the schema. */
  public static Object check(JsonNode config) {
    return ROOT.check(config);
  }
}
