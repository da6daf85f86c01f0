package io.camelpcluster.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CredentialStoreTest {

  @Test
  void findsWhatWasAddedAndReplacesOnReAdd() {
    CredentialStore store =
        new CredentialStore().add("AKID1", "secret1").add("ASIA1", "secret2", "token");

    assertThat(store.find("AKID1"))
        .hasValueSatisfying(c -> assertThat(c.secretAccessKey()).isEqualTo("secret1"));
    assertThat(store.find("ASIA1"))
        .hasValueSatisfying(c -> assertThat(c.sessionToken()).isEqualTo("token"));
    assertThat(store.find("akid1")).isEmpty();

    store.add("AKID1", "rotated");

    assertThat(store.find("AKID1"))
        .hasValueSatisfying(c -> assertThat(c.secretAccessKey()).isEqualTo("rotated"));
  }

  @Test
  void longTermCredentialsRefuseAnyTokenAndTemporaryOnesRequireTheirs() {
    CredentialStore store = new CredentialStore().add("AKID1", "s").add("ASIA1", "s", "token");
    var longTerm = store.find("AKID1").orElseThrow();
    var temporary = store.find("ASIA1").orElseThrow();

    assertThat(longTerm.acceptsSessionToken(null)).isTrue();
    assertThat(longTerm.acceptsSessionToken("token")).isFalse();
    assertThat(temporary.acceptsSessionToken("token")).isTrue();
    assertThat(temporary.acceptsSessionToken(null)).isFalse();
    assertThat(temporary.acceptsSessionToken("token2")).isFalse();
    assertThat(temporary.acceptsSessionToken("")).isFalse();
  }

  @Test
  void rejectsUnusableKeysWithoutEchoingSecrets() {
    CredentialStore store = new CredentialStore();

    for (String bad :
        new String[] {"", "AK/ID", "AK ID", "AK,ID", "AK=ID", "AKID\n", "ÄKID", "A".repeat(129)}) {
      assertThatThrownBy(() -> store.add(bad, "topsecret"))
          .as("access key id %s", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("topsecret");
    }
    assertThatThrownBy(() -> store.add("AKID", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("secretAccessKey must not be empty");
    assertThatThrownBy(() -> store.add("AKID", "topsecret", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sessionToken must not be blank");
    assertThatThrownBy(() -> store.add(null, "topsecret")).isInstanceOf(NullPointerException.class);
    assertThat(store.find("AKID")).isEmpty();
  }

  @Test
  void neverPrintsSecrets() {
    var stored =
        new CredentialStore().add("ASIA1", "topsecret", "sessiontoken").find("ASIA1").orElseThrow();

    assertThat(stored.toString()).doesNotContain("topsecret").doesNotContain("sessiontoken");
  }

  @Test
  void acceptsConcurrentAdds() {
    CredentialStore store = new CredentialStore();

    IntStream.range(0, 2_000).parallel().forEach(i -> store.add("KEY" + i, "secret" + i));

    assertThat(IntStream.range(0, 2_000))
        .allSatisfy(
            i ->
                assertThat(store.find("KEY" + i))
                    .hasValueSatisfying(
                        c -> assertThat(c.secretAccessKey()).isEqualTo("secret" + i)));
  }
}
