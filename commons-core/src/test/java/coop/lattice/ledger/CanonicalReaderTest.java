package coop.lattice.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.collective.Collective;
import coop.lattice.store.LedgerStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast path of decoding canonical entries reads every kind of entry of the golden ledger to
 * the same entry as the general path, and takes nothing that is not shaped like canonical JSON:
 * what it refuses, the general path decides.
 */
class CanonicalReaderTest {
  private static final Ledger GOLDEN = GoldenLedgerTest.smallLedger(LedgerStore.inMemory()).ledger();

  @Test
  void readsEveryEntryOfTheGoldenLedgerAsTheGeneralPathDoes() {
    for (long i = 0; i < GOLDEN.size(); i++) {
      byte[] bytes = GOLDEN.entryBytes(i);
      Entry fast = CanonicalReader.entry(bytes);
      assertThat(fast).as("entry %s", i).isEqualTo(EntryCodec.decode(bytes, Entry.class));
      assertThat(fast.canonicalBytes()).as("entry %s", i).isEqualTo(bytes);
      assertThat(EntryCodec.decodeCanonical(bytes)).isEqualTo(fast);
    }
  }

  @Test
  void refusesWhatIsNotShapedLikeCanonicalJson() {
    String entry = new String(GOLDEN.entryBytes(4), UTF_8); // a contribution: strings, a decimal, a hash
    List<String> variants = List.of(
        entry.replace("{\"author\"", "{ \"author\""), // whitespace
        entry.replace("\"time\"", "\"extra\":1,\"time\""), // an unknown member
        entry.replace("\"author\":\"bo\"", "\"author\":\"bo\",\"author\":\"bo\""), // a repeated one
        entry.replace("\"author\":\"bo\",", "") + "", // a missing one
        entry.replace("\"author\":\"bo\",\"collective\":\"riverside-food-coop\"",
            "\"collective\":\"riverside-food-coop\",\"author\":\"bo\""), // out of order
        entry.replace("\"sequence\":4", "\"sequence\":4.0"), // a fraction
        entry.replace("\"sequence\":4", "\"sequence\":04"), // a leading zero
        entry.replace("\"sequence\":4", "\"sequence\":\"4\""), // a string for a number
        entry.replace("\"previous\":\"", "\"previous\":null,\"x\":\""), // null
        entry.replace("\"author\"", "\"auth\\u006fr\""), // an escaped name
        entry.replace("ContributionRecorded", "NoSuchEvent"), // an unknown event
        entry.replace("\"kind\":\"food\"", "\"kind\":\"FOOD\""), // an enum not in lowercase
        entry + " ", // trailing content
        entry.substring(0, entry.length() - 1)); // cut short
    for (String v : variants) {
      assertThat(v).isNotEqualTo(entry);
      assertThatThrownBy(() -> CanonicalReader.entry(v.getBytes(UTF_8))).as(v).isInstanceOf(RuntimeException.class);
    }
  }

  @Test
  void refusesNestingDeeperThanTheGeneralPathTakes() {
    StringBuilder deep = new StringBuilder("{\"author\":\"bo\",\"collective\":\"c\",\"event\":");
    deep.append("{\"affected\":").append("[".repeat(20)).append("]".repeat(20)).append("}}");
    assertThatThrownBy(() -> CanonicalReader.entry(deep.toString().getBytes(UTF_8)))
        .isInstanceOf(CanonicalReader.NotCanonical.class);
  }

  @Test
  void aNonCanonicalEntryStillGetsTheGeneralPathsMessage() {
    Collective c = GoldenLedgerTest.smallLedger(LedgerStore.inMemory());
    String canonical = new String(c.ledger().entryBytes(2), UTF_8);
    // the same value, written with an escape canonical JSON does not use
    byte[] escaped = canonical.replace("\"ana\"", "\"\\u0061na\"").getBytes(UTF_8);
    assertThat(EntryCodec.decode(escaped, Entry.class)).isEqualTo(EntryCodec.decodeCanonical(c.ledger().entryBytes(2)));
    assertThatThrownBy(() -> EntryCodec.decodeCanonical(escaped)).hasMessageContaining("not in canonical form");
  }
}
