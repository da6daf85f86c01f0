package io.camelpcluster.examples.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camelpcluster.pcluster.api.ParallelClusterClient;
import io.camelpcluster.pcluster.api.model.ClusterInfoSummary;
import io.camelpcluster.pcluster.api.model.ListClustersRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** What the demo's end-to-end tests share. */
final class DemoTestSupport {
  private DemoTestSupport() {}

  /** Skips the calling test unless the local Slurm (scripts/local-slurm.sh) is installed. */
  static void assumeLocalSlurm() {
    boolean sinfo =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
            .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "sinfo")));
    assumeTrue(
        sinfo,
        "sinfo is not installed: the demo runs its MPI job on the local Slurm that"
            + " 'bash scripts/local-slurm.sh' sets up (as root)");
  }

  /** The clusters the API lists, in every state. */
  static List<ClusterInfoSummary> clusters(ParallelClusterClient api) {
    return api.listAllClusters(ListClustersRequest.all()).toList();
  }

  /** The keys under a prefix. */
  static List<String> keys(S3Client s3, String bucket, String prefix) {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  static String text(S3Client s3, String bucket, String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8);
  }

  /** The first five lines the word count writes for this text on 2 ranks. */
  static String expectedCounts(byte[] text) {
    String s = new String(text, StandardCharsets.ISO_8859_1);
    String[] words = s.split("[ \\t\\n\\r\\u000b\\f]+");
    List<String> nonEmpty = Arrays.stream(words).filter(w -> !w.isEmpty()).toList();
    long lines = s.chars().filter(c -> c == '\n').count();
    int longest = nonEmpty.stream().mapToInt(String::length).max().orElse(0);
    return "words: %d\nlines: %d\nbytes: %d\nlongest word: %d bytes\nranks: 2\n"
        .formatted(nonEmpty.size(), lines, text.length, longest);
  }

  static byte[] sample() {
    try (InputStream in =
        DemoTestSupport.class.getClassLoader().getResourceAsStream(DemoSession.SAMPLE)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
