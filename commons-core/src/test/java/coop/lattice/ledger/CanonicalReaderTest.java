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
      Entry fast = CanonicalReader.entry(bytes, 0, bytes.length);
      assertThat(fast).as("entry %s", i).isEqualTo(EntryCodec.decode(bytes, Entry.class));
      assertThat(fast.canonicalBytes()).as("entry %s", i).isEqualTo(bytes);
      assertThat(EntryCodec.decodeCanonical(bytes)).isEqualTo(fast);
    }
  }

  @Test
  void refusesWhatIsNotShapedLikeCanonicalJson() {
    String entry = new String(GOLDEN.entryBytes(4), UTF_8); // a contribution: strings, a decimal, a hash
    String bo = GOLDEN.entry(4).author().value();
    List<String> variants = List.of(
        entry.replace("{\"author\"", "{ \"author\""), // whitespace
        entry.replace("\"time\"", "\"extra\":1,\"time\""), // an unknown member
        entry.replace("\"author\":\"" + bo + "\"", "\"author\":\"" + bo + "\",\"author\":\"" + bo + "\""), // a repeated one
        entry.replace("\"author\":\"" + bo + "\",", "") + "", // a missing one
        entry.replace("\"author\":\"" + bo + "\",\"collective\":\"riverside-food-coop\"",
            "\"collective\":\"riverside-food-coop\",\"author\":\"" + bo + "\""), // out of order
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
      byte[] b = v.getBytes(UTF_8);
      assertThatThrownBy(() -> CanonicalReader.entry(b, 0, b.length)).as(v).isInstanceOf(RuntimeException.class);
    }
  }

  @Test
  void readsAnEntryAmongOthersOnlyFromItsOwnBytes() {
    byte[] a = GOLDEN.entryBytes(4);
    byte[] b = GOLDEN.entryBytes(5);
    byte[] block = new byte[a.length + b.length];
    System.arraycopy(a, 0, block, 0, a.length);
    System.arraycopy(b, 0, block, a.length, b.length);
    assertThat(CanonicalReader.entry(block, a.length, block.length)).isEqualTo(EntryCodec.decode(b, Entry.class));
    assertThat(EntryCodec.decodeCanonical(block, a.length, block.length)).isEqualTo(EntryCodec.decode(b, Entry.class));
    // an entry cut short is refused even where the bytes after its end would complete it
    assertThatThrownBy(() -> CanonicalReader.entry(block, 0, a.length - 1)).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> EntryCodec.decodeCanonical(block, 0, a.length - 1))
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> CanonicalReader.entry(block, 0, a.length + 1)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void refusesNestingDeeperThanTheGeneralPathTakes() {
    StringBuilder deep = new StringBuilder("{\"author\":\"bo\",\"collective\":\"c\",\"event\":");
    deep.append("{\"affected\":").append("[".repeat(20)).append("]".repeat(20)).append("}}");
    byte[] b = deep.toString().getBytes(UTF_8);
    assertThatThrownBy(() -> CanonicalReader.entry(b, 0, b.length))
        .isInstanceOf(CanonicalReader.NotCanonical.class);
  }

  @Test
  void aNonCanonicalEntryStillGetsTheGeneralPathsMessage() {
    Collective c = GoldenLedgerTest.smallLedger(LedgerStore.inMemory());
    String canonical = new String(c.ledger().entryBytes(2), UTF_8);
    // the same value, written with an escape canonical JSON does not use
    String ana = c.ledger().entry(2).author().value();
    byte[] escaped = canonical.replace("\"" + ana + "\"", "\"\\u0068" + ana.substring(1) + "\"").getBytes(UTF_8);
    assertThat(EntryCodec.decode(escaped, Entry.class)).isEqualTo(EntryCodec.decodeCanonical(c.ledger().entryBytes(2)));
    assertThatThrownBy(() -> EntryCodec.decodeCanonical(escaped)).hasMessageContaining("not in canonical form");
  }
}
