package coop.lattice.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.merkle.Hash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 8: entries say their format, format 1 is frozen, and an entry a newer version
 * wrote is read as a {@link NewerEvent} that hashes to the same bytes, never as damage.
 */
class EntryFormatTest {
  static final Instant T = Instant.parse("2027-03-01T09:00:00Z");
  static final CollectiveId RIVERSIDE = CollectiveId.of("riverside");
  static final MemberId ANA = MemberId.of("ana");
  static final String PREVIOUS = "\"previous\":\"" + "A".repeat(43) + "\"";
  /** A format newer than this version's. */
  static final int NEWER = EntryFormat.CURRENT + 1;

  /** An entry as a newer version might write it: a type this one does not know, in {@code format}. */
  static byte[] entry(String event, String format) {
    return ("{\"author\":\"ana\",\"collective\":\"riverside\",\"event\":" + event + format + "," + PREVIOUS
        + ",\"sequence\":7,\"time\":\"2027-03-01T09:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
  }

  static final String HARVEST = "{\"crates\":12,\"shared\":[\"ana\",\"bo\"],\"type\":\"HarvestShared\"}";

  @Test
  void anEntryOfANewerFormatIsKeptUnreadAndHashesAsItCame() {
    byte[] bytes = entry(HARVEST, ",\"format\":" + NEWER);
    Entry e = EntryCodec.decodeCanonical(bytes);
    assertThat(e.event()).isEqualTo(new NewerEvent("HarvestShared", NEWER, HARVEST));
    assertThat(e.format()).isEqualTo(NEWER);
    assertThat(e.sequence()).isEqualTo(7);
    assertThat(e.canonicalBytes()).isEqualTo(bytes);
    assertThat(EntryFormat.of(e.event())).isEqualTo(NEWER);
  }

  @Test
  void aNewerEntryMustStillBeCanonical() {
    String unsorted = "{\"type\":\"HarvestShared\",\"crates\":12}";
    assertThatThrownBy(() -> EntryCodec.decodeCanonical(entry(unsorted, ",\"format\":" + NEWER)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("canonical");
    String fraction = "{\"crates\":1.5,\"type\":\"HarvestShared\"}";
    assertThatThrownBy(() -> EntryCodec.decodeCanonical(entry(fraction, ",\"format\":" + NEWER)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnknownTypeInAFormatThisVersionReadsIsDamageAsBefore() {
    for (String format : new String[] {"", ",\"format\":2", ",\"format\":" + EntryFormat.CURRENT}) {
      assertThatThrownBy(() -> EntryCodec.decodeCanonical(entry(HARVEST, format)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HarvestShared");
    }
  }

  @Test
  void aFormatOneEventSaysNoFormatAndMayNotClaimOne() {
    Event left = new Event.MemberLeft(ANA);
    Entry e = new Entry(3, T, RIVERSIDE, ANA, left, Hash.of(new byte[32]));
    assertThat(e.format()).isNull();
    assertThat(new String(e.canonicalBytes(), StandardCharsets.UTF_8)).doesNotContain("format");
    assertThatThrownBy(() -> new Entry(3, T, RIVERSIDE, ANA, left, Hash.of(new byte[32]), 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 1");
    String claimed = new String(e.canonicalBytes(), StandardCharsets.UTF_8).replace(",\"previous\"",
        ",\"format\":2,\"previous\"");
    assertThatThrownBy(() -> EntryCodec.decodeCanonical(claimed.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEventAddedSinceFormatOneSaysItsFormatAndMustSayIt() {
    Event approved = new FinanceEvents.ExpenseApproved(4);
    Entry e = new Entry(5, T, RIVERSIDE, ANA, approved, Hash.of(new byte[32]));
    assertThat(e.format()).isEqualTo(2);
    String bytes = new String(e.canonicalBytes(), StandardCharsets.UTF_8);
    assertThat(bytes).contains("\"format\":2,");
    assertThat(EntryCodec.decodeCanonical(e.canonicalBytes())).isEqualTo(e);
    byte[] unsaid = bytes.replace("\"format\":2,", "").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> EntryCodec.decodeCanonical(unsaid)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Entry(5, T, RIVERSIDE, ANA, approved, Hash.of(new byte[32]), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 2");
  }

  /**
   * The clearing rounds' events came after format 2 was last written (by {@code 251bba6}, which
   * reads an unknown type in format 2 as damage): they are format 3, which that build keeps unread.
   */
  @Test
  void aClearingRoundEventIsFormatThree() {
    Event proposed = new ClearingEvents.RoundProposed(List.of(CollectiveId.of("fixit")), T.plusSeconds(60));
    Entry e = new Entry(6, T, RIVERSIDE, ANA, proposed, Hash.of(new byte[32]));
    assertThat(e.format()).isEqualTo(3);
    assertThat(new String(e.canonicalBytes(), StandardCharsets.UTF_8)).contains("\"format\":3,");
    assertThat(EntryCodec.decodeCanonical(e.canonicalBytes())).isEqualTo(e);
    assertThatThrownBy(() -> new Entry(6, T, RIVERSIDE, ANA, proposed, Hash.of(new byte[32]), 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 3");
  }

  /**
   * The ledger key's changes came after format 3 was last written (by {@code e24598c}, which reads an
   * unknown type in format 3 as damage): they are format 4, which that build keeps unread.
   */
  @Test
  void aKeyChangeIsFormatFour() {
    Event rotated = new KeyEvents.KeyRotated(CollectiveKey.fromSeed(new byte[32]).verificationKey().base64Url(), "s",
        "p");
    Entry e = new Entry(6, T, RIVERSIDE, ANA, rotated, Hash.of(new byte[32]));
    assertThat(EntryFormat.CURRENT).isEqualTo(4);
    assertThat(e.format()).isEqualTo(4);
    assertThat(new String(e.canonicalBytes(), StandardCharsets.UTF_8)).contains("\"format\":4,");
    assertThat(EntryCodec.decodeCanonical(e.canonicalBytes())).isEqualTo(e);
    assertThatThrownBy(() -> new Entry(6, T, RIVERSIDE, ANA, rotated, Hash.of(new byte[32]), 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 4");
  }

  @Test
  void aNewerEventIsOnlyForNewerFormats() {
    assertThatThrownBy(() -> new NewerEvent("HarvestShared", EntryFormat.CURRENT, HARVEST))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyFormatOneTypeIsAnEventTypeAndNoNewerEventIsOne() {
    assertThat(EntryFormat.FORMAT_1).allSatisfy(name -> assertThat(RecordShape.eventType(name)).as(name).isNotNull());
    assertThat(EntryFormat.FORMAT_2).allSatisfy(name -> assertThat(RecordShape.eventType(name)).as(name).isNotNull())
        .doesNotContainAnyElementsOf(EntryFormat.FORMAT_1);
    assertThat(EntryFormat.FORMAT_3).allSatisfy(name -> assertThat(RecordShape.eventType(name)).as(name).isNotNull())
        .doesNotContainAnyElementsOf(EntryFormat.FORMAT_1).doesNotContainAnyElementsOf(EntryFormat.FORMAT_2);
    assertThat(RecordShape.eventType("NewerEvent")).isNull();
  }

  /**
   * Formats 1, 2 and 3 are frozen: their event types keep their members (names, in canonical order).
   * A new member, even an optional one, is what an older node cannot read: add a new event type instead.
   */
  @Test
  void formatOneShapesAreFrozen() throws IOException {
    assertFrozen(EntryFormat.FORMAT_1, "/format/format-1-events.txt");
  }

  @Test
  void formatTwoShapesAreFrozen() throws IOException {
    assertFrozen(EntryFormat.FORMAT_2, "/format/format-2-events.txt");
  }

  @Test
  void formatThreeShapesAreFrozen() throws IOException {
    assertFrozen(EntryFormat.FORMAT_3, "/format/format-3-events.txt");
  }

  private static void assertFrozen(Set<String> format, String file) throws IOException {
    TreeMap<String, String> now = new TreeMap<>();
    for (String name : format) {
      RecordShape shape = RecordShape.of(RecordShape.eventType(name));
      now.put(name, String.join(",", Arrays.stream(shape.members).map(m -> m.name).toList()));
    }
    List<String> lines = new ArrayList<>();
    now.forEach((k, v) -> lines.add(k + ": " + v));
    try (InputStream in = EntryFormatTest.class.getResourceAsStream(file)) {
      assertThat(in).as("src/test/resources" + file).isNotNull();
      List<String> frozen = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
      assertThat(lines).isEqualTo(frozen);
    }
  }
}
