package io.camelpcluster.emulator.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The EC2 instance types the emulator knows: real families (with their architecture) and sizes.
 * Anything else is "not supported", and a cluster using it fails to create, as it would on AWS.
 */
public final class InstanceTypes {
  private static final Pattern TYPE = Pattern.compile("([a-z0-9-]+)\\.([a-z0-9-]+)");

  private static final Set<String> X86_64 =
      words(
          "t2 t3 t3a m4 m5 m5a m5ad m5d m5dn m5n m5zn m6a m6i m6id m6idn m6in m7a m7i m7i-flex"
              + " c4 c5 c5a c5ad c5d c5n c6a c6i c6id c6in c7a c7i c7i-flex r4 r5 r5a r5ad r5b r5d"
              + " r5dn r5n r6a r6i r6id r6idn r6in r7a r7i r7iz x1 x1e x2idn x2iedn x2iezn z1d i3"
              + " i3en i4i d3 d3en h1 hpc6a hpc6id hpc7a g4dn g4ad g5 g6 g6e gr6 p3 p3dn p4d p4de"
              + " p5 p5e p5en trn1 trn1n inf1 inf2 dl1 vt1 f1 u-6tb1 u-12tb1");

  private static final Set<String> ARM64 =
      words(
          "a1 t4g m6g m6gd m7g m7gd m8g c6g c6gd c6gn c7g c7gd c7gn c8g r6g r6gd r7g r7gd r8g"
              + " x2gd im4gn is4gen i4g hpc7g g5g");

  private static final Set<String> SIZES =
      words(
          "nano micro small medium large xlarge 2xlarge 3xlarge 4xlarge 6xlarge 8xlarge 9xlarge"
              + " 10xlarge 12xlarge 16xlarge 18xlarge 24xlarge 32xlarge 48xlarge 56xlarge 96xlarge"
              + " 112xlarge metal metal-16xl metal-24xl metal-48xl");

  private static final Map<String, String> ARCHITECTURES =
      Stream.concat(
              X86_64.stream().map(f -> Map.entry(f, "x86_64")),
              ARM64.stream().map(f -> Map.entry(f, "arm64")))
          .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

  private InstanceTypes() {}

  /** Whether EC2 offers this instance type. */
  public static boolean supported(String instanceType) {
    return architecture(instanceType).isPresent();
  }

  /** The architecture ({@code x86_64} or {@code arm64}) of a supported instance type. */
  public static Optional<String> architecture(String instanceType) {
    if (instanceType == null) {
      return Optional.empty();
    }
    Matcher m = TYPE.matcher(instanceType);
    if (!m.matches() || !SIZES.contains(m.group(2))) {
      return Optional.empty();
    }
    return Optional.ofNullable(ARCHITECTURES.get(m.group(1)));
  }

  private static Set<String> words(String text) {
    return Set.of(text.split(" "));
  }
}
