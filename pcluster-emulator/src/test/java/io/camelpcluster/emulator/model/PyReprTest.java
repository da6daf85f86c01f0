package io.camelpcluster.emulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyReprTest {

  @Test
  void stringsUseSingleQuotesUnlessTheyHoldOne() {
    assertThat(PyRepr.of("abc")).isEqualTo("'abc'");
    assertThat(PyRepr.of("it's")).isEqualTo("\"it's\"");
    assertThat(PyRepr.of("both ' and \"")).isEqualTo("'both \\' and \"'");
    assertThat(PyRepr.of("tab\tnew\nline\u0001")).isEqualTo("'tab\\tnew\\nline\\x01'");
  }

  @Test
  void containersAndScalars() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("Os", List.of("bad"));
    map.put(0, true);

    assertThat(PyRepr.of(List.of("INFO", "WARNING"))).isEqualTo("['INFO', 'WARNING']");
    assertThat(PyRepr.of(map)).isEqualTo("{'Os': ['bad'], 0: True}");
    assertThat(PyRepr.of(new PyRepr.Tuple(List.of("a", 1)))).isEqualTo("('a', 1)");
    assertThat(PyRepr.of(null)).isEqualTo("None");
  }
}
