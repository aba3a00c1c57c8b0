package coop.lattice.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.merkle.Hash;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One immutable line of a collective's ledger.
 *
 * @param sequence position in the ledger, from 0
 * @param time when it was recorded, from the collective's injected {@link java.time.Clock}
 * @param collective the collective whose ledger this is
 * @param author the member who recorded it
 * @param event what happened
 * @param previous the RFC 9162 leaf hash of the previous entry; null only for entry 0
 * @param format the {@link EntryFormat} the entry is written in, which follows from its event;
 *     null for format 1 (whose entries do not say it)
 */
public record Entry(long sequence, Instant time, CollectiveId collective, MemberId author, Event event,
    @Nullable Hash previous, @Nullable Integer format) {

  public Entry {
    checkArgument(sequence >= 0, "sequence < 0: %s", sequence);
    checkArgument((sequence == 0) == (previous == null), "entry %s %s a previous hash", sequence,
        sequence == 0 ? "cannot have" : "needs");
    int expected = EntryFormat.of(event);
    checkArgument(format == null ? expected == 1 : format == expected && expected > 1,
        "entry %s is in format %s, but its event %s is written in format %s", sequence, format == null ? 1 : format,
        event.getClass().getSimpleName(), expected);
  }

  /** An entry in the format its event is written in. */
  public Entry(long sequence, Instant time, CollectiveId collective, MemberId author, Event event,
      @Nullable Hash previous) {
    this(sequence, time, collective, author, event, previous, formatOf(event));
  }

  private static @Nullable Integer formatOf(Event event) {
    int f = EntryFormat.of(event);
    return f == 1 ? null : f;
  }

  /** The canonical RFC 8785 bytes every node hashes for this entry. */
  public byte[] canonicalBytes() {
    return EntryCodec.encode(this);
  }
}
