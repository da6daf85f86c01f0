package io.camelpcluster.emulator.image;

import io.camelpcluster.emulator.model.AmiInfo;
import io.camelpcluster.emulator.model.ApiVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The official ParallelCluster AMIs of the API's version, per region, OS and architecture. */
public final class OfficialImages {
  /** The operating systems, in the server's order. */
  public static final List<String> OSES =
      List.of(
          "alinux2",
          "alinux2023",
          "ubuntu2004",
          "ubuntu2204",
          "rhel8",
          "rocky8",
          "rhel9",
          "rocky9");

  /** The architectures. */
  public static final List<String> ARCHITECTURES = List.of("x86_64", "arm64");

  private static final Map<String, String> AMI_OS_NAMES =
      Map.of(
          "alinux2", "amzn2",
          "alinux2023", "amzn2023",
          "ubuntu2004", "ubuntu-2004-lts",
          "ubuntu2204", "ubuntu-2204-lts",
          "rhel8", "rhel8",
          "rocky8", "rocky8",
          "rhel9", "rhel9",
          "rocky9", "rocky9");

  private OfficialImages() {}

  /** The AMIs of a region, optionally filtered by OS and architecture (null for all). */
  public static List<AmiInfo> list(String region, String os, String architecture) {
    List<AmiInfo> images = new ArrayList<>();
    for (String candidateOs : OSES) {
      for (String arch : ARCHITECTURES) {
        if ((os == null || os.equals(candidateOs))
            && (architecture == null || architecture.equals(arch))) {
          images.add(
              new AmiInfo(
                  arch,
                  amiId(region, candidateOs, arch),
                  "aws-parallelcluster-"
                      + ApiVersion.CURRENT
                      + "-"
                      + AMI_OS_NAMES.get(candidateOs)
                      + "-hvm-"
                      + arch
                      + "-202501151652 2025-01-15T16-56-03.487Z",
                  candidateOs,
                  ApiVersion.CURRENT));
        }
      }
    }
    return images;
  }

  private static String amiId(String region, String os, String arch) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((region + "/" + os + "/" + arch).getBytes(StandardCharsets.UTF_8));
      return "ami-" + HexFormat.of().formatHex(digest).substring(0, 17);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
