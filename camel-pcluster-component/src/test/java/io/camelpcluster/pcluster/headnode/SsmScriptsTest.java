package io.camelpcluster.pcluster.headnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scripts SSM access sends and its reading of their answers, without a head node. */
class SsmScriptsTest {

  @Test
  void dataIsCutIntoChunksThatFitOneAnswer() {
    assertThat(SsmScripts.chunks(new byte[0])).containsExactly("");
    assertThat(SsmScripts.chunks(new byte[15_000])).hasSize(1);
    byte[] data = new byte[45_001];
    new Random(3).nextBytes(data);

    List<String> chunks = SsmScripts.chunks(data);

    assertThat(chunks).hasSize(4).allMatch(c -> c.length() <= 20_000);
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    joined.writeBytes(Base64.getDecoder().decode(String.join("", chunks)));
    assertThat(joined.toByteArray()).isEqualTo(data);
  }

  @Test
  void answersAreReadInlineOrStaged() {
    String out = Base64.getEncoder().encodeToString("é\n".getBytes(StandardCharsets.UTF_8));
    SsmScripts.Answer inline = SsmScripts.parse("camel-pcluster-ssm 3 3 0 inline\n" + out + "\n\n");

    assertThat(inline.exitCode()).isEqualTo(3);
    assertThat(inline.staged()).isFalse();
    assertThat(new String(inline.stdout().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("é\n");
    assertThat(inline.stderr().orElseThrow()).isEmpty();

    SsmScripts.Answer staged = SsmScripts.parse("camel-pcluster-ssm 0 300000 12 staged\n");
    assertThat(staged.staged()).isTrue();
    assertThat(staged.stdoutSize()).isEqualTo(300_000);
  }

  @Test
  void anythingElseIsNotAnAnswer() {
    assertThatThrownBy(() -> SsmScripts.parse("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SsmScripts.parse("hello\ncamel-pcluster-ssm 0 0 0 inline\n\n\n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SsmScripts.parse("camel-pcluster-ssm 0 0 0 inline\n"))
        .hasMessageContaining("lacks the inline outputs");
    assertThatThrownBy(() -> SsmScripts.decodeChunk("YWJj", 4))
        .hasMessage("a chunk of 4 bytes came back with 3");
  }

  @Test
  void valuesReachTheShellQuotedAndTheInputNeverInArguments() {
    List<String> script =
        SsmScripts.execute(
            SsmScripts.directory("d1"),
            "ec2-user",
            "cat > 'a b'\\''c'",
            true,
            Optional.of("JCh0b3VjaCAveCk="),
            100,
            200);
    String text = String.join("\n", script);

    assertThat(text)
        .contains("printf %s 'JCh0b3VjaCAveCk=' > \"$d\"/in.000000")
        .contains("runuser -l ec2-user --session-command 'cat > '\\''a b'\\''\\'\\'''\\''c'\\'''")
        .contains("< \"$d/in\"")
        .contains("[ \"$no\" -gt 100 ] && no=100")
        .contains("[ \"$ne\" -gt 200 ] && ne=200")
        .doesNotContain("$(touch");
    assertThat(SsmScripts.readChunk("/var/lib/camel-pcluster-ssm/d1", "out", 30_000, 15_000))
        .last()
        .isEqualTo("tail -c +30001 \"$d/out\" | head -c 15000 | base64 -w0");
  }
}
