package io.camelpcluster.pcluster.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.pcluster.api.InvalidConfigurationException;
import io.camelpcluster.pcluster.api.SafeYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterTemplateTest {

  @TempDir Path dir;

  @Test
  void loadsTheMinimalSlurmTemplateFromTheClasspath() {
    ClusterTemplate template = ClusterTemplate.load("classpath:templates/minimal-slurm.yaml");
    assertThat(template.source()).isEqualTo("classpath:templates/minimal-slurm.yaml");
    ObjectNode tree = template.tree();
    assertThat(tree.at("/Image/Os").asText()).isEqualTo("alinux2023");
    assertThat(tree.at("/Scheduling/SlurmQueues/0/ComputeResources/0/MaxCount").intValue())
        .isEqualTo(8);
    assertThat(ClusterTemplate.load("classpath:/templates/minimal-slurm.yaml").tree())
        .isEqualTo(tree);
  }

  @Test
  void rendersWhatItParsed() {
    ClusterTemplate template = ClusterTemplate.load("classpath:templates/slurm-templated.yaml");
    String yaml = template.render();
    assertThat(yaml).contains("${header.maxNodes}");
    assertThat(SafeYaml.parseMapping(yaml)).isEqualTo(template.tree());
  }

  @Test
  void isImmutable() {
    ClusterTemplate template = ClusterTemplate.parse("A: 1\n");
    template.tree().put("A", 2);
    assertThat(template.tree().get("A").intValue()).isEqualTo(1);
    assertThat(template.render()).isEqualTo("A: 1\n");
    assertThat(template).hasToString("ClusterTemplate[inline template]");
  }

  @Test
  void loadsFilesByFileLocationAndByPlainPath() throws IOException {
    Path file = dir.resolve("cluster template.yaml");
    Files.writeString(file, "Image:\n  Os: rocky9 # ü\n", StandardCharsets.UTF_8);
    assertThat(ClusterTemplate.load(file.toString()).tree().at("/Image/Os").asText())
        .isEqualTo("rocky9");
    assertThat(ClusterTemplate.load("file:" + file).source()).isEqualTo("file:" + file);
    assertThat(ClusterTemplate.load(file.toUri().toString()).tree().at("/Image/Os").asText())
        .isEqualTo("rocky9");
  }

  @Test
  void namesTheSourceOfInvalidTemplates() throws IOException {
    Path list = Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n");
    assertThatThrownBy(() -> ClusterTemplate.load(list.toString()))
        .isInstanceOf(TemplateException.class)
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "template '"
                + list
                + "' is invalid: configuration must be a YAML mapping (key: value), not array");
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "A: [unclosed\n");
    assertThatThrownBy(() -> ClusterTemplate.load("file:" + broken))
        .hasMessageStartingWith(
            "template 'file:" + broken + "' is invalid: configuration is not valid YAML");
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "# only a comment\n");
    assertThatThrownBy(() -> ClusterTemplate.load(empty.toString()))
        .hasMessageContaining("is invalid: configuration must be a YAML mapping");
    assertThatThrownBy(() -> ClusterTemplate.parse("  "))
        .hasMessage(
            "template 'inline template' is invalid: configuration is required and cannot be empty");
    assertThatThrownBy(() -> ClusterTemplate.parse((String) null))
        .hasMessageContaining("cannot be empty");
  }

  @Test
  void rejectsDuplicateKeysAndAliasBombs() {
    assertThatThrownBy(() -> ClusterTemplate.parse("A: 1\nA: 2\n"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("inline template");
    StringBuilder bomb = new StringBuilder("a: &a [x, x]\n");
    for (int i = 0; i < 30; i++) {
      bomb.append("b").append(i).append(": &b").append(i).append(" [*a, *a, *a]\n");
    }
    assertThatThrownBy(() -> ClusterTemplate.parse(bomb.toString()))
        .isInstanceOf(TemplateException.class);
  }

  @Test
  void missingTemplatesAreNamed() {
    assertThatThrownBy(() -> ClusterTemplate.load("classpath:templates/nope.yaml"))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template 'classpath:templates/nope.yaml' not found");
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> ClusterTemplate.load("file:" + missing))
        .hasMessage("template 'file:" + missing + "' not found");
    assertThatThrownBy(() -> ClusterTemplate.load(missing.toString()))
        .hasMessage("template '" + missing + "' not found");
  }

  @Test
  void directoriesAndUnsupportedSchemesAreRejected() {
    assertThatThrownBy(() -> ClusterTemplate.load(dir.toString()))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("template '" + dir + "' cannot be read: IOException:")
        .hasMessageContaining("is a directory");
    assertThatThrownBy(() -> ClusterTemplate.load("http://example.com/t.yaml"))
        .hasMessage(
            "template location 'http://example.com/t.yaml' has an unsupported scheme;"
                + " use one of classpath:, file: or a file path");
    assertThatThrownBy(() -> ClusterTemplate.load(" "))
        .hasMessage("a template location is required");
    assertThatThrownBy(() -> ClusterTemplate.load(null))
        .hasMessage("a template location is required");
  }

  @Test
  void rejectsOversizedAndNonUtf8Files() throws IOException {
    Path big = dir.resolve("big.yaml");
    Files.write(big, new byte[TemplateLoader.MAX_BYTES + 1]);
    assertThatThrownBy(() -> ClusterTemplate.load(big.toString()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template '" + big + "' is larger than " + TemplateLoader.MAX_BYTES + " bytes");
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "A: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ClusterTemplate.load(latin1.toString()))
        .hasMessage("template '" + latin1 + "' is not valid UTF-8 text");
  }

  @Test
  void loadersTakeExtraReadersLongestPrefixFirst() {
    Map<String, String> beans = Map.of("slurm", "Image:\n  Os: rhel9\n");
    TemplateLoader loader =
        TemplateLoader.standard()
            .withReader(
                "bean:",
                name -> {
                  String text = beans.get(name);
                  if (text == null) {
                    throw new NoSuchFileException(name);
                  }
                  return text;
                })
            .withReader("bean:special:", name -> "Image:\n  Os: rocky8\n");
    assertThat(loader.load("bean:slurm").tree().at("/Image/Os").asText()).isEqualTo("rhel9");
    assertThat(loader.load("bean:special:x").tree().at("/Image/Os").asText()).isEqualTo("rocky8");
    assertThatThrownBy(() -> loader.load("bean:other"))
        .hasMessage("template 'bean:other' not found");
    assertThat(loader.load("classpath:templates/minimal-slurm.yaml").source())
        .isEqualTo("classpath:templates/minimal-slurm.yaml");
    assertThatThrownBy(() -> TemplateLoader.standard().load("bean:slurm"))
        .hasMessageContaining("unsupported scheme");
    assertThatThrownBy(() -> TemplateLoader.standard().withReader("", x -> ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readerFailuresAreWrapped() {
    TemplateLoader loader =
        TemplateLoader.standard()
            .withReader(
                "broken:",
                x -> {
                  throw new IOException("disk on fire");
                })
            .withReader("null:", x -> null);
    assertThatThrownBy(() -> loader.read("broken:x"))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template 'broken:x' cannot be read: IOException: disk on fire")
        .hasCauseInstanceOf(IOException.class);
    assertThatThrownBy(() -> loader.read("null:x")).hasMessage("template 'null:x' not found");
  }
}
