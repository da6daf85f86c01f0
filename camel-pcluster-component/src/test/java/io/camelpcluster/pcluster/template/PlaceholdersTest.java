package io.camelpcluster.pcluster.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelpcluster.pcluster.api.SafeYaml;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  private static ObjectNode fill(String yaml, Function<String, ?> resolver) {
    ObjectNode tree = SafeYaml.parseMapping(yaml);
    Placeholders.fill(tree, resolver);
    return tree;
  }

  private static ObjectNode fill(String yaml, Map<String, ?> values) {
    return fill(yaml, values::get);
  }

  @Test
  void aWholePlaceholderTakesTheResolvedType() {
    ObjectNode tree =
        fill(
            "A: ${n}\nB: ${b}\nC: ${s}\nD: ${d}\nE: ${big}\n",
            Map.of("n", 8, "b", true, "s", "8", "d", 0.5, "big", new BigDecimal("12.50")));
    assertThat(tree.get("A").isInt()).isTrue();
    assertThat(tree.get("A").intValue()).isEqualTo(8);
    assertThat(tree.get("B").isBoolean()).isTrue();
    assertThat(tree.get("C").isTextual()).as("text stays text").isTrue();
    assertThat(tree.get("C").asText()).isEqualTo("8");
    assertThat(tree.get("D").doubleValue()).isEqualTo(0.5);
    assertThat(tree.get("E").doubleValue()).isEqualTo(12.5);
  }

  @Test
  void placeholdersInLongerTextAreJoinedAsText() {
    ObjectNode tree =
        fill(
            "Name: run-${id}-${n}-${on}-${price}\n",
            Map.of("id", "abc", "n", 3, "on", false, "price", new BigDecimal("1E+3")));
    assertThat(tree.get("Name").asText()).isEqualTo("run-abc-3-false-1000");
    assertThat(fill("V: '${a}${b}'\n", Map.of("a", 1, "b", 2)).get("V").asText()).isEqualTo("12");
  }

  @Test
  void theResolverGetsTheTextBetweenTheBraces() {
    List<String> asked = new ArrayList<>();
    fill(
        "A: ${header.x}\nB: ${exchangeProperty.y}\nC: ${body}\nD: x${header.foo[${header.i}]}y\nE: ${date:now:yyyy-MM-dd}\n",
        expression -> {
          asked.add(expression);
          return "v";
        });
    assertThat(asked)
        .containsExactly(
            "header.x",
            "exchangeProperty.y",
            "body",
            "header.foo[${header.i}]",
            "date:now:yyyy-MM-dd");
  }

  @Test
  void dollarDollarEscapes() {
    ObjectNode tree =
        fill("Script: echo $${HOME} and ${user} costs $$5 or $\n", Map.of("user", "ann"));
    assertThat(tree.get("Script").asText()).isEqualTo("echo ${HOME} and ann costs $$5 or $");
    assertThat(fill("A: $${x}\n", Map.of()).get("A").asText()).isEqualTo("${x}");
  }

  @Test
  void resolvedValuesAreNotScannedAgain() {
    ObjectNode tree = fill("A: ${a}\nB: x-${a}\n", Map.of("a", "${b}", "b", "never"));
    assertThat(tree.get("A").asText()).isEqualTo("${b}");
    assertThat(tree.get("B").asText()).isEqualTo("x-${b}");
  }

  @Test
  void keysAreNeverScanned() {
    ObjectNode tree = fill("\"${k}\": ${v}\n", Map.of("k", "injected", "v", "value"));
    assertThat(tree.has("${k}")).isTrue();
    assertThat(tree.get("${k}").asText()).isEqualTo("value");
  }

  @Test
  void numbersAndBooleansOfTheTemplateAreLeftAlone() {
    ObjectNode tree =
        fill(
            "A: 8\nB: true\nC: ~\n",
            name -> {
              throw new AssertionError(name);
            });
    assertThat(tree).isEqualTo(SafeYaml.parseMapping("A: 8\nB: true\nC: ~\n"));
  }

  @Test
  void fillsListsAndNestedMappingsNamingItemsInPaths() {
    String yaml =
        """
        Scheduling:
          SlurmQueues:
            - Name: batch
              Networking:
                SubnetIds: [ "${subnet}" ]
              ComputeResources:
                - Name: c6i
                  MaxCount: ${max}
        """;
    ObjectNode tree = fill(yaml, Map.of("subnet", "subnet-1", "max", 4));
    assertThat(tree.at("/Scheduling/SlurmQueues/0/Networking/SubnetIds/0").asText())
        .isEqualTo("subnet-1");
    assertThat(tree.at("/Scheduling/SlurmQueues/0/ComputeResources/0/MaxCount").intValue())
        .isEqualTo(4);

    assertThatThrownBy(() -> fill(yaml, Map.of("subnet", "subnet-1")))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "unresolved placeholder '${max}' at 'Scheduling.SlurmQueues[batch].ComputeResources[c6i].MaxCount'");
    assertThatThrownBy(() -> fill(yaml, Map.of("max", 1)))
        .hasMessage(
            "unresolved placeholder '${subnet}' at 'Scheduling.SlurmQueues[batch].Networking.SubnetIds[0]'");
  }

  @Test
  void itemsWithoutAUniqueNameAreShownByIndex() {
    assertThatThrownBy(
            () -> fill("L:\n  - Name: a\n  - Name: a\n    V: ${x}\n  - V: ${x}\n", Map.of()))
        .hasMessage("unresolved placeholder '${x}' at 'L[1].V'");
    assertThatThrownBy(() -> fill("Tags:\n  - Key: owner\n    Value: ${x}\n", Map.of()))
        .hasMessage("unresolved placeholder '${x}' at 'Tags[owner].Value'");
  }

  @Test
  void syntaxErrorsNameThePlaceholderAndPath() {
    assertThatThrownBy(() -> fill("A:\n  B: x${header.y\n", Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("placeholder '${header.y' at 'A.B' is never closed");
    assertThatThrownBy(() -> fill("A: ${ }\n", Map.of()))
        .hasMessage("empty placeholder '${ }' at 'A'");
    assertThatThrownBy(() -> fill("A: x${}\n", Map.of()))
        .hasMessage("empty placeholder '${}' at 'A'");
  }

  @Test
  void onlyScalarsFillPlaceholders() {
    assertThatThrownBy(() -> fill("A: ${m}\n", Map.of("m", Map.of("Injected", "key"))))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("placeholder '${m}' at 'A' resolved to a java.util.")
        .hasMessageEndingWith("; only text, a number or a boolean can fill a placeholder");
    assertThatThrownBy(() -> fill("A: x-${l}\n", Map.of("l", List.of("a"))))
        .hasMessageContaining("only text, a number or a boolean");
    assertThatThrownBy(() -> fill("A: ${d}\n", Map.of("d", Double.NaN)))
        .hasMessageContaining("not a finite number");
  }

  @Test
  void resolverFailuresAreWrappedWithoutTheirMessage() {
    RuntimeException failure = new IllegalStateException("secret=hunter2");
    assertThatThrownBy(
            () ->
                fill(
                    "A: ${x}\n",
                    x -> {
                      throw failure;
                    }))
        .isInstanceOf(TemplateException.class)
        .hasMessage("placeholder '${x}' at 'A' failed to resolve: java.lang.IllegalStateException")
        .hasCause(failure);
  }

  @Test
  void enumsAndCharactersResolveToText() {
    ObjectNode tree = fill("A: ${e}\nB: ${c}\n", Map.of("e", java.time.DayOfWeek.MONDAY, "c", 'x'));
    assertThat(tree.get("A").asText()).isEqualTo("MONDAY");
    assertThat(tree.get("B").asText()).isEqualTo("x");
  }

  @Test
  void aResolvedNullIsUnresolvedEvenWhenTheMapHasTheKey() {
    Map<String, Object> values = new HashMap<>();
    values.put("x", null);
    assertThatThrownBy(() -> fill("A: ${x}\n", values))
        .hasMessage("unresolved placeholder '${x}' at 'A'");
  }
}
