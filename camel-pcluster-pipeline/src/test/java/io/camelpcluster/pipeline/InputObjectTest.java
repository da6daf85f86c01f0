package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

class InputObjectTest {
  @Test
  void theKeyIs64HexDigitsAndStable() {
    InputObject input = new InputObject("inputs", "a/b.txt", "abc");
    assertThat(input.idempotencyKey())
        .matches("[0-9a-f]{64}")
        .isEqualTo(new InputObject("inputs", "a/b.txt", "abc").idempotencyKey());
  }

  @Test
  void quotedAndUnquotedEntityTagsAreTheSameVersion() {
    assertThat(new InputObject("inputs", "k", "\"abc\""))
        .isEqualTo(new InputObject("inputs", "k", "abc"));
    assertThat(new InputObject("inputs", "k", "\"abc-4\"").eTag()).isEqualTo("abc-4");
    assertThat(new InputObject("inputs", "k", "\"").eTag()).isEqualTo("\"");
  }

  @Test
  void bucketKeyAndEntityTagEachChangeTheKey() {
    String base = new InputObject("inputs", "k", "e").idempotencyKey();
    assertThat(new InputObject("inputs2", "k", "e").idempotencyKey()).isNotEqualTo(base);
    assertThat(new InputObject("inputs", "k2", "e").idempotencyKey()).isNotEqualTo(base);
    assertThat(new InputObject("inputs", "k", "e2").idempotencyKey()).isNotEqualTo(base);
  }

  @Test
  void shiftingCharactersBetweenPartsChangesTheKey() {
    assertThat(new InputObject("ab", "c", "e").idempotencyKey())
        .isNotEqualTo(new InputObject("a", "bc", "e").idempotencyKey());
    assertThat(new InputObject("a", "b:c", "e").idempotencyKey())
        .isNotEqualTo(new InputObject("a", "b", "c:e").idempotencyKey());
  }

  @Test
  void hostileKeysGiveAPlainKey() {
    for (String key :
        new String[] {"line\nbreak", "Größe 数据 🎉", "x".repeat(10_000), "$(rm -rf /);'\"", " "}) {
      assertThat(new InputObject("inputs", key, "e").idempotencyKey()).matches("[0-9a-f]{64}");
    }
  }

  @Test
  void rejectsMissingOrEmptyParts() {
    assertThatThrownBy(() -> new InputObject(null, "k", "e")).hasMessage("bucket");
    assertThatThrownBy(() -> new InputObject("b", null, "e")).hasMessage("key");
    assertThatThrownBy(() -> new InputObject("b", "k", null)).hasMessage("eTag");
    assertThatThrownBy(() -> new InputObject("b", "", "e"))
        .hasMessage("bucket, key and eTag must not be empty");
    assertThatThrownBy(() -> new InputObject("b", "k", "\"\""))
        .hasMessage("bucket, key and eTag must not be empty");
  }

  @Test
  void readsTheHeadersOfTheS3Consumer() throws Exception {
    try (CamelContext context = new DefaultCamelContext()) {
      Message message = new DefaultMessage(context);
      message.setHeader(AWS2S3Constants.BUCKET_NAME, "inputs");
      message.setHeader(AWS2S3Constants.KEY, "in/a.txt");
      message.setHeader(AWS2S3Constants.E_TAG, "\"d41d8cd98f00b204e9800998ecf8427e\"");

      assertThat(InputObject.of(message))
          .isEqualTo(new InputObject("inputs", "in/a.txt", "d41d8cd98f00b204e9800998ecf8427e"));

      message.removeHeader(AWS2S3Constants.E_TAG);
      assertThatThrownBy(() -> InputObject.of(message))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the message lacks the header " + AWS2S3Constants.E_TAG);
    }
  }

  @Test
  void sizeIsOptionalNotNegativeAndNotPartOfTheIdempotencyKey() {
    assertThat(new InputObject("b", "k", "e").size()).isNull();
    assertThat(new InputObject("b", "k", "e", 12L).idempotencyKey())
        .isEqualTo(new InputObject("b", "k", "e").idempotencyKey());
    assertThatThrownBy(() -> new InputObject("b", "k", "e", -1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size must not be negative: -1");
  }

  @Test
  void readsTheContentLengthWhenTheConsumerGivesIt() throws Exception {
    try (CamelContext context = new DefaultCamelContext()) {
      Message message = new DefaultMessage(context);
      message.setHeader(AWS2S3Constants.BUCKET_NAME, "inputs");
      message.setHeader(AWS2S3Constants.KEY, "k");
      message.setHeader(AWS2S3Constants.E_TAG, "e");
      message.setHeader(AWS2S3Constants.CONTENT_LENGTH, 42L);
      assertThat(InputObject.of(message).size()).isEqualTo(42L);
      message.setHeader(AWS2S3Constants.CONTENT_LENGTH, "43");
      assertThat(InputObject.of(message).size()).isEqualTo(43L);
    }
  }

  @Test
  void displayNameEscapesAndCuts() {
    assertThat(new InputObject("b", "a\nb\tc\u0007", "e").displayName())
        .isEqualTo("b/a\\nb\\tc\\u0007");
    assertThat(new InputObject("b", "line\nbreak", "e").displayName()).isEqualTo("b/line\\nbreak");
    String shown = new InputObject("b", "🎉".repeat(300), "e").displayName();
    assertThat(shown).endsWith("... (602 characters)");
    assertThat(shown.codePoints()).doesNotContain(0xFFFD);
    assertThat(Character.isHighSurrogate(shown.charAt(shown.indexOf("...") - 1))).isFalse();
  }
}
