package coop.lattice.federation.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.collective.Replica;
import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.EntryFormat;
import coop.lattice.ledger.KeyHistory;
import coop.lattice.ledger.Ledger;
import coop.lattice.ledger.NewerEvent;
import coop.lattice.store.LedgerStore;
import coop.lattice.testkit.SteppingClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 5: entries pushed by a partner are checked against the copy the mirror holds, as a
 * pull checks them; the next one extends the copy, and one that contradicts what the partner showed
 * before (another entry at the same place, or one that does not follow) flags it.
 */
class PushedEntriesTest {
  static final String ACTOR = "http://127.0.0.1:1/collectives/food";
  static final CollectiveKey KEY = CollectiveKey.fromSeed(new byte[32]);
  static final MemberId ANA = MemberId.of("ana");

  static Collective food(String kg) {
    SteppingClock clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(1));
    Collective c = Collective.found(CollectiveId.of("food"), "Food", ANA, Appearance.byName("Ana"), LedgerStore.inMemory(),
        KEY, clock);
    c.record(Contribution.toCollective(ANA, ContributionKind.FOOD, Quantity.kilograms(kg)));
    return c;
  }

  static String entry(Ledger l, long i) {
    return new String(l.entryBytes(i), StandardCharsets.UTF_8);
  }

  @Test
  void theNextEntryExtendsTheCopyAndAContradictingOneFlagsThePartner(@TempDir Path dir) {
    Collective partner = food("2");
    Collective forked = food("9"); // the same collective and key, another entry 2
    Map<String, MirrorCopy> copies = new ConcurrentHashMap<>();
    MirrorCopy copy = new MirrorCopy();
    copy.keys = KeyHistory.founding(KEY.verificationKey());
    copies.put(ACTOR, copy);
    Flags flags = new Flags(new NodeStore(dir), new SimpleMeterRegistry());
    PushedEntries pushed = new PushedEntries(copies, flags);
    Ledger l = partner.ledger();

    assertThat(pushed.offered(ACTOR, entry(l, 1))).startsWith("ahead of the copy");
    for (long i = 0; i < l.size(); i++) {
      assertThat(pushed.offered(ACTOR, entry(l, i))).isEqualTo("appended to the copy");
    }
    assertThat(copy.replica.state()).isEqualTo(coop.lattice.collective.Replica.of(l).state());
    assertThat(copy.tree.root(l.size())).isEqualTo(l.root());
    assertThat(pushed.offered(ACTOR, entry(l, 1))).isEqualTo("held already");
    assertThat(pushed.offered(ACTOR, "{\"not\":\"an entry\"}")).startsWith("not an entry");
    assertThat(flags.why(ACTOR)).isEmpty();

    assertThat(pushed.offered(ACTOR, entry(forked.ledger(), 2))).contains("other than the entry 2 it showed before");
    assertThat(flags.why(ACTOR)).hasValueSatisfying(why -> assertThat(why).contains("entry 2"));
    assertThat(pushed.offered(ACTOR, entry(l, 2))).isEqualTo("not mirrored here"); // flagged: nothing more
  }

  /**
   * Issue 14, item 8: a partner on a newer version pushes an entry whose event this version cannot
   * read. The copy holds it verified and unread, the partner is not flagged, and what follows it
   * extends the copy as before.
   */
  @Test
  void anEntryANewerVersionWroteExtendsTheCopyUnreadAndFlagsNobody(@TempDir Path dir) {
    Collective partner = food("2");
    Ledger l = partner.ledger();
    Map<String, MirrorCopy> copies = new ConcurrentHashMap<>();
    MirrorCopy copy = new MirrorCopy();
    copy.keys = KeyHistory.founding(KEY.verificationKey());
    copies.put(ACTOR, copy);
    Flags flags = new Flags(new NodeStore(dir), new SimpleMeterRegistry());
    PushedEntries pushed = new PushedEntries(copies, flags);
    for (long i = 0; i < l.size(); i++) {
      assertThat(pushed.offered(ACTOR, entry(l, i))).isEqualTo("appended to the copy");
    }
    long at = l.append(l.entry(l.size() - 1).time(), ANA,
        new NewerEvent("HarvestShared", EntryFormat.CURRENT + 1, "{\"crates\":12,\"type\":\"HarvestShared\"}")).sequence();
    assertThat(entry(l, at)).contains("\"format\":" + (EntryFormat.CURRENT + 1));
    assertThat(pushed.offered(ACTOR, entry(l, at))).isEqualTo("appended to the copy");
    assertThat(copy.replica.unread()).containsExactly(new Replica.Unread(at, "HarvestShared", EntryFormat.CURRENT + 1));
    assertThat(copy.tree.root(l.size())).isEqualTo(l.root());
    assertThat(flags.why(ACTOR)).isEmpty();
  }

  @Test
  void anEntryThatDoesNotFollowTheCopysLastFlagsThePartner(@TempDir Path dir) {
    Collective partner = food("2");
    Collective forked = food("9");
    forked.record(Contribution.toCollective(ANA, ContributionKind.FOOD, Quantity.kilograms("1")));
    Map<String, MirrorCopy> copies = new ConcurrentHashMap<>();
    MirrorCopy copy = new MirrorCopy();
    copy.keys = KeyHistory.founding(KEY.verificationKey());
    copies.put(ACTOR, copy);
    Flags flags = new Flags(new NodeStore(dir), new SimpleMeterRegistry());
    PushedEntries pushed = new PushedEntries(copies, flags);
    for (long i = 0; i < partner.ledger().size(); i++) {
      pushed.offered(ACTOR, entry(partner.ledger(), i));
    }

    assertThat(pushed.offered(ACTOR, entry(forked.ledger(), 3))).contains("does not follow the entry 2");
    assertThat(flags.why(ACTOR)).isPresent();
    assertThat(copy.tree.size()).isEqualTo(partner.ledger().size());
  }
}
