package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputCheckTest {

  private final InputCheck check = new InputCheck(1000);

  @Test
  void acceptsSizesUpToTheLimitAndUnknownSizes() {
    assertThatCode(() -> check.check(new InputObject("b", "k", "e", 1L)))
        .doesNotThrowAnyException();
    assertThatCode(() -> check.check(new InputObject("b", "k", "e", 1000L)))
        .doesNotThrowAnyException();
    assertThatCode(() -> check.check(new InputObject("b", "k", "e"))).doesNotThrowAnyException();
  }

  @Test
  void rejectsEmptyInputs() {
    assertThatThrownBy(() -> check.check(new InputObject("inputs", "in/a.txt", "e", 0L)))
        .isInstanceOf(InputRejectedException.class)
        .hasMessage("input inputs/in/a.txt is empty");
  }

  @Test
  void rejectsInputsAboveTheLimit() {
    assertThatThrownBy(() -> check.check(new InputObject("inputs", "big.bin", "e", 1001L)))
        .isInstanceOf(InputRejectedException.class)
        .hasMessage("input inputs/big.bin is 1001 bytes, more than maxInputBytes 1000");
    assertThatThrownBy(
            () ->
                new InputCheck(InputCheck.DEFAULT_MAX_INPUT_BYTES)
                    .check(new InputObject("b", "k", "e", Long.MAX_VALUE)))
        .hasMessage(
            "input b/k is "
                + Long.MAX_VALUE
                + " bytes, more than maxInputBytes "
                + 5L * 1024 * 1024 * 1024);
  }

  @Test
  void messagesNameHostileKeysSafely() {
    String key = "evil\nline\u001b[31m\u202e" + "x".repeat(1000);
    assertThatThrownBy(() -> check.check(new InputObject("b", key, "e", 0L)))
        .hasMessageStartingWith("input b/evil\\nline\\u001b[31m\\u202exxx")
        .hasMessageEndingWith("... (1017 characters) is empty")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("\u001b");
  }

  @Test
  void rejectsALimitBelowOne() {
    assertThatThrownBy(() -> new InputCheck(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxInputBytes must be at least 1, but is 0");
  }
}
