package coop.lattice.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.PrivateDataException;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.CollectiveSecret;
import coop.lattice.store.LedgerStore;
import coop.lattice.store.PrivateArea;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VaultTest {
  static final byte[] SEED = new byte[32];
  static final byte[] PLAIN = "who claimed and why".getBytes(StandardCharsets.UTF_8);
  final Vault vault = Vault.of(CollectiveSecret.of(CollectiveKey.fromSeed(SEED)));

  @Test
  void whatIsSealedOpensWithTheSameKeyAndNameAndShowsNoPlainText() {
    byte[] sealed = vault.seal("aid-claims", PLAIN);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).startsWith("LTV1").doesNotContain("claimed");
    assertThat(vault.open("aid-claims", sealed)).isEqualTo(PLAIN);
    assertThat(Vault.of(CollectiveSecret.of(CollectiveKey.fromSeed(SEED))).open("aid-claims", sealed)).isEqualTo(PLAIN);
    assertThat(vault.seal("aid-claims", PLAIN)).isNotEqualTo(sealed); // a fresh nonce each time
  }

  @Test
  void aChangedByteAnotherNameOrAnotherKeyIsRefused() {
    byte[] sealed = vault.seal("aid-claims", PLAIN);
    for (int i = 4; i < sealed.length; i++) {
      byte[] changed = Arrays.copyOf(sealed, sealed.length);
      changed[i] ^= 1;
      assertThatThrownBy(() -> vault.open("aid-claims", changed)).isInstanceOf(PrivateDataException.class)
          .hasMessageContaining("does not open with this collective's key");
    }
    assertThatThrownBy(() -> vault.open("profiles", sealed)).isInstanceOf(PrivateDataException.class);
    byte[] otherSeed = new byte[32];
    otherSeed[0] = 1;
    assertThatThrownBy(() -> Vault.of(CollectiveSecret.of(CollectiveKey.fromSeed(otherSeed))).open("aid-claims", sealed))
        .isInstanceOf(PrivateDataException.class);
    assertThatThrownBy(() -> vault.open("aid-claims", "plain text, not sealed".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(PrivateDataException.class).hasMessageContaining("not a sealed Lattice file");
  }

  @Test
  void aStoreKeepsItsPrivateFilesForTheNextCollectiveOpenedOnIt() {
    PrivateArea area = LedgerStore.inMemory().privateArea();
    assertThat(vault.read(area, "aid-claims")).isEmpty();
    vault.write(area, "aid-claims", PLAIN);
    assertThat(vault.read(area, "aid-claims")).contains(PLAIN);
    assertThatThrownBy(() -> area.write("../escape", PLAIN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a-z, 0-9");
  }
}
