package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.ledger.Contribution;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A contribution and where it stands.
 *
 * @param entry the ledger entry that recorded it: its reference
 * @param recorded when it was recorded
 * @param contribution what it was
 * @param status pending, acknowledged, or corrected by a later entry
 * @param acknowledged when its receiver acknowledged it, or null
 * @param acknowledgedBy the member who acknowledged it, or null
 * @param corrects the entry this one corrects, or null
 * @param correctedBy the entry that corrected this one, or null
 */
public record ContributionRecord(
    long entry,
    Instant recorded,
    Contribution contribution,
    Status status,
    @Nullable Instant acknowledged,
    @Nullable MemberId acknowledgedBy,
    @Nullable Long corrects,
    @Nullable Long correctedBy) {

  public enum Status {
    /** Recorded by the giver; waiting for the receiver to acknowledge it. */
    PENDING,
    /** Acknowledged by the receiver: it counts. */
    ACKNOWLEDGED,
    /** Replaced by a correction; the correction is the one that counts. */
    CORRECTED
  }

  /** True when it counts in totals: acknowledged and not corrected. */
  public boolean counts() {
    return status == Status.ACKNOWLEDGED;
  }

  ContributionRecord acknowledgedAt(Instant when, MemberId by) {
    return new ContributionRecord(entry, recorded, contribution, Status.ACKNOWLEDGED, when, by, corrects, null);
  }

  ContributionRecord correctedBy(long correction) {
    return new ContributionRecord(entry, recorded, contribution, Status.CORRECTED, acknowledged, acknowledgedBy,
        corrects, correction);
  }
}
