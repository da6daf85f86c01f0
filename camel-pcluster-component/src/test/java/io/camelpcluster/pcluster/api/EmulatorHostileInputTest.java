package io.camelpcluster.pcluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelpcluster.emulator.PclusterEmulator;
import io.camelpcluster.pcluster.api.model.BuildImageRequest;
import io.camelpcluster.pcluster.api.model.CreateClusterRequest;
import io.camelpcluster.pcluster.api.model.DeleteClusterRequest;
import io.camelpcluster.pcluster.api.model.DescribeImageRequest;
import io.camelpcluster.pcluster.api.model.GetClusterLogEventsRequest;
import io.camelpcluster.pcluster.api.model.GetClusterStackEventsRequest;
import io.camelpcluster.pcluster.api.model.ListClustersRequest;
import io.camelpcluster.pcluster.api.model.UpdateClusterRequest;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile values are refused by the client, before anything reaches the (emulated) service. */
class EmulatorHostileInputTest {
  private static final List<String> HOSTILE_NAMES =
      List.of(
          "a/b",
          "..",
          "../../v3/images/custom/x",
          "clüster",
          "名前",
          "x".repeat(10 * 1024),
          "name\nX-Injected: 1",
          "name%2F..",
          "name?region=us-west-2",
          "$(shutdown -h now)",
          "'; DROP TABLE clusters;--",
          "a\u0000b");

  private final ManualClock clock = ManualClock.now();
  private PclusterEmulator emulator;
  private ParallelClusterClient client;

  @BeforeEach
  void start() {
    emulator = PclusterEmulator.start(EmulatorFixtures.config(clock).build());
    client = EmulatorFixtures.client(emulator, clock).build();
  }

  @AfterEach
  void stop() {
    client.close();
    emulator.close();
  }

  @Test
  void hostileNamesNeverLeaveTheClient() {
    List<Consumer<String>> operations =
        List.of(
            name -> client.createCluster(CreateClusterRequest.of(name, EmulatorFixtures.slurm(0))),
            name -> client.updateCluster(UpdateClusterRequest.of(name, EmulatorFixtures.slurm(0))),
            name -> client.deleteCluster(DeleteClusterRequest.of(name)),
            name -> client.getClusterStackEvents(GetClusterStackEventsRequest.of(name)),
            name -> client.buildImage(BuildImageRequest.of(name, EmulatorFixtures.image())),
            name -> client.describeImage(DescribeImageRequest.of(name)));
    for (String name : HOSTILE_NAMES) {
      for (Consumer<String> operation : operations) {
        assertThatThrownBy(() -> operation.accept(name))
            .isInstanceOf(ClientValidationException.class)
            .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400).doesNotContain("\n"));
      }
    }
    assertThat(emulator.requests().all()).isEmpty();
  }

  @Test
  void hostileConfigurationsAndRegionsNeverLeaveTheClient() {
    String bomb =
        "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
            + "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
            + "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
            + "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
            + "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n";
    for (String config :
        List.of(bomb, "[".repeat(10_000), "!!javax.script.ScriptEngineManager [x]", "- a\n- b\n")) {
      assertThatThrownBy(() -> client.createCluster(CreateClusterRequest.of("hpc-1", config)))
          .isInstanceOf(ClientValidationException.class)
          .hasMessageContaining("clusterConfiguration: ");
    }
    assertThatThrownBy(
            () ->
                client.listClusters(ListClustersRequest.all().withRegion("us-east-1&dryrun=true")))
        .isInstanceOf(ClientValidationException.class)
        .hasMessageContaining("region must be an AWS region code");
    assertThatThrownBy(
            () ->
                client.getClusterLogEvents(
                    GetClusterLogEventsRequest.of("hpc-1", "stream\r\nX: y")))
        .isInstanceOf(ClientValidationException.class)
        .hasMessageContaining("logStreamName must not contain control characters");
    assertThat(emulator.requests().all()).isEmpty();
  }

  @Test
  void unusualButValidValuesAreSentIntact() {
    client.createCluster(
        CreateClusterRequest.of(
            "hpc-1", EmulatorFixtures.slurm(0) + "# commentaire: déjà vu ✓ \"quotes\" & <tags>\n"));
    clock.advance(EmulatorFixtures.CREATE);

    assertThatThrownBy(
            () ->
                client.getClusterLogEvents(
                    GetClusterLogEventsRequest.of("hpc-1", "a b/c?d#e%f&g=h")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("a b/c?d#e%f&g=h");
  }
}
