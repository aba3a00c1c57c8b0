package coop.lattice.collective;

import coop.lattice.MemberId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A time-bank transfer and where it stands. In ValueFlows terms, a {@code vf:EconomicEvent}
 * {@code deliverService} from provider to receiver with a reciprocal transfer of hour credits.
 *
 * @param entry the entry that recorded it: its reference
 * @param provider who gave their time; their balance goes up
 * @param receiver who received the service; their balance goes down
 * @param hours how many hours
 * @param served the day the service was given
 * @param recordedBy the side that recorded it
 * @param recorded when it was recorded
 * @param expires after this moment it can no longer be confirmed
 * @param status pending, confirmed or declined
 * @param settled when it was confirmed or declined, or null
 * @param note what it was for
 */
public record TimeTransfer(long entry, MemberId provider, MemberId receiver, BigDecimal hours, LocalDate served,
    MemberId recordedBy, Instant recorded, Instant expires, Status status, @Nullable Instant settled, String note) {

  public enum Status {
    /** Waiting for the other side. */
    PENDING,
    /** Confirmed: the hours moved. */
    CONFIRMED,
    /** Declined by the other side: nothing moved. */
    DECLINED
  }

  /** The member who must confirm it: the side that did not record it. */
  public MemberId confirmer() {
    return recordedBy.equals(provider) ? receiver : provider;
  }

  /** True once the confirmation window has passed with the transfer still pending. */
  public boolean expiredAt(Instant now) {
    return status == Status.PENDING && !now.isBefore(expires);
  }

  TimeTransfer settled(Status to, Instant at) {
    return new TimeTransfer(entry, provider, receiver, hours, served, recordedBy, recorded, expires, to, at, note);
  }
}
