package coop.lattice.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.ConflictException;
import coop.lattice.collective.Collective;
import coop.lattice.collective.Migration;
import coop.lattice.merkle.Hash;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Issue 18: a ledger from before handles becomes one that names nobody, entry for entry, and says which it continues. */
class MigrationTest {
  static final SteppingClock CLOCK = SteppingClock.startingAt("2026-06-01T00:00:00Z", Duration.ofMinutes(1));

  static CollectiveKey key() {
    byte[] seed = new byte[32];
    for (int i = 0; i < 32; i++) {
      seed[i] = (byte) i;
    }
    return CollectiveKey.fromSeed(seed);
  }

  /** The golden ledger written before handles, in a store of its own. */
  static LedgerStore legacy() throws IOException {
    List<String> lines;
    try (InputStream in = Objects.requireNonNull(MigrationTest.class.getResourceAsStream("/golden/small-ledger-v1.txt"))) {
      lines = new String(in.readAllBytes(), UTF_8).lines().toList();
    }
    LedgerStore store = LedgerStore.inMemory();
    List<byte[]> entries = lines.stream().filter(l -> l.startsWith("{\"author\"")).map(l -> l.getBytes(UTF_8)).toList();
    store.append(entries);
    store.writeCheckpoint(entries.size(), lines.get(lines.size() - 1).getBytes(UTF_8));
    return store;
  }

  @Test
  void theMigratedLedgerNamesNobodyFoldsToTheSameStateAndContinuesTheOldOne() throws IOException {
    LedgerStore old = legacy();
    String before = text(Collective.open(old, key(), CLOCK).ledger());
    assertThat(before).contains("\"author\":\"ana\"").contains("Ana Lúcia");

    LedgerStore fresh = LedgerStore.inMemory();
    Collective migrated = Migration.migrate(old, fresh, key(), CLOCK);
    Collective original = Collective.open(old, key(), CLOCK);

    assertThat(migrated.ledger().size()).isEqualTo(original.ledger().size());
    assertThat(migrated.state()).isEqualTo(original.state());
    String after = text(migrated.ledger());
    for (String name : List.of("\"ana\"", "\"bo\"", "\"cy\"", "Ana Lúcia", "baker", "Bo B.")) {
      assertThat(after).doesNotContain(name);
    }
    Event.CollectiveFounded founded = (Event.CollectiveFounded) migrated.ledger().entry(0).event();
    assertThat(founded.continues()).isEqualTo(Hash.sha256(original.ledger().latestCheckpoint().orElseThrow().toBytes()));
    assertThat(Collective.open(fresh, key(), CLOCK).state()).isEqualTo(original.state());
  }

  @Test
  void theMigratedCollectiveDeclaresItsMigrationWithTheOldLedgersLastCheckpoint() throws IOException {
    LedgerStore old = legacy();
    Collective migrated = Migration.migrate(old, LedgerStore.inMemory(), key(), CLOCK);
    SignedCheckpoint last = Collective.open(old, key(), CLOCK).ledger().latestCheckpoint().orElseThrow();

    RepairStatement declared = migrated.declareRepair("migration", "members as handles");
    assertThat(declared.verify(key().verificationKey())).isTrue();
    assertThat(declared.lastGood().toBytes()).isEqualTo(last.toBytes());
    assertThat(((Event.CollectiveFounded) migrated.ledger().entry(0).event()).continues())
        .isEqualTo(Hash.sha256(declared.lastGood().toBytes()));
    assertThatThrownBy(() -> Collective.open(old, key(), CLOCK).declareRepair("migration", "no"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("continues no other");
  }

  @Test
  void aStoreThatIsNotEmptyIsRefused() throws IOException {
    LedgerStore old = legacy();
    LedgerStore busy = legacy();
    assertThatThrownBy(() -> Migration.migrate(old, busy, key(), CLOCK)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("give an empty one");
  }

  static String text(Ledger l) {
    StringBuilder b = new StringBuilder();
    for (long i = 0; i < l.size(); i++) {
      b.append(new String(l.entryBytes(i), UTF_8)).append('\n');
    }
    return b.toString();
  }
}
