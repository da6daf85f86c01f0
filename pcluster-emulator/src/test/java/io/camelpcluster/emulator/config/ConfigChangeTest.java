package io.camelpcluster.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelpcluster.emulator.model.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigChangeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void namedListItemsAreMatchedByName() throws Exception {
    JsonNode before =
        JSON.readTree(
            "{\"Queues\":[{\"Name\":\"a\",\"Max\":1},{\"Name\":\"b\",\"Max\":2}],\"Os\":\"x\"}");
    JsonNode after =
        JSON.readTree(
            "{\"Queues\":[{\"Name\":\"b\",\"Max\":3},{\"Name\":\"c\",\"Max\":1}],\"Os\":\"x\"}");

    List<Change> changes =
        ConfigChange.diff(before, after).stream().map(ConfigChange::toChange).toList();

    assertThat(changes)
        .containsExactly(
            new Change("Queues[a]", "{\"Name\":\"a\",\"Max\":1}", "-"),
            new Change("Queues[b].Max", "2", "3"),
            new Change("Queues[c]", "-", "{\"Name\":\"c\",\"Max\":1}"));
  }

  @Test
  void plainListsAndScalarsChangeAsAWhole() throws Exception {
    JsonNode before = JSON.readTree("{\"Subnets\":[\"s1\"],\"Flag\":true}");
    JsonNode after = JSON.readTree("{\"Subnets\":[\"s1\",\"s2\"],\"Flag\":false}");

    assertThat(ConfigChange.diff(before, after).stream().map(ConfigChange::toChange))
        .containsExactly(
            new Change("Subnets", "[\"s1\"]", "[\"s1\",\"s2\"]"),
            new Change("Flag", "true", "false"));
  }

  @Test
  void identicalDocumentsHaveNoChanges() throws Exception {
    JsonNode config = JSON.readTree("{\"A\":{\"B\":[{\"Name\":\"n\"}]}}");

    assertThat(ConfigChange.diff(config, config.deepCopy())).isEmpty();
  }
}
