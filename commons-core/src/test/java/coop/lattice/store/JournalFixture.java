package coop.lattice.store;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.Ledger;
import coop.lattice.time.SteppingClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds small collectives on real journals, and reads the journal's framing back for tampering tests. */
final class JournalFixture {
  static final CollectiveKey KEY = CollectiveKey.fromSeed(new byte[32]);
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");

  private JournalFixture() {}

  /** A collective with {@code contributions} acknowledged contributions (3 entries each after the founding 3). */
  static Collective build(LedgerStore store, int contributions, boolean checkpoint) {
    return build(store, contributions, checkpoint, "2026-05-01T10:00:00Z");
  }

  static Collective build(LedgerStore store, int contributions, boolean checkpoint, String start) {
    Collective c = Collective.found(CollectiveId.of("repair-cafe"), "Repair Café", ANA, Appearance.byName("Ana"),
        store, KEY, SteppingClock.startingAt(start, Duration.ofMinutes(1)));
    c.admit(ANA, BO, Appearance.byName("Bo"));
    for (int i = 0; i < contributions; i++) {
      long ref = c.record(Contribution.toMember(BO, ANA, ContributionKind.REPAIR, Quantity.hours((1 + i % 7) + ".5"))
          .note("visit " + i));
      c.acknowledge(ANA, ref);
    }
    if (checkpoint) {
      c.checkpoint();
    }
    return c;
  }

  /**
   * Appends one entry to {@code c}'s ledger and does not sync it: nobody was told it is durable, so
   * a crash may tear it. Returns its index.
   */
  static long appendUnacknowledged(Collective c) {
    Ledger ledger = c.ledger();
    return ledger.append(Instant.parse("2026-05-01T12:00:00Z"), BO,
        new Event.AppearanceChanged(BO, Appearance.pseudonym("not yet durable"))).sequence();
  }

  static Collective open(LedgerStore store) {
    return Collective.open(store, KEY, SteppingClock.startingAt("2026-06-01T10:00:00Z", Duration.ofMinutes(1)));
  }

  static List<Path> segments(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".seg")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Frame boundaries of one segment: for record k, {start of frame, payload length}. */
  static List<long[]> frames(Path segment) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(segment));
    List<long[]> out = new ArrayList<>();
    int pos = 16;
    while (pos + 12 <= b.limit()) {
      int len = b.getInt(pos);
      out.add(new long[] {pos, len});
      pos += 12 + len;
    }
    return out;
  }
}
