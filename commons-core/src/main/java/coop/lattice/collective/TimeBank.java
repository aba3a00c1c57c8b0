package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A collective's time bank: hours, not money. Obtained from {@link Collective#timeBank()}.
 *
 * <p>Double entry and zero-sum: a transfer is recorded by one side (the provider, unless an
 * agreement sets {@code time-bank-recorded-by}) and moves hours only when the other side
 * confirms it within {@code time-bank-confirm-within-days}. The credit and debit limits in force
 * are enforced when hours move: a transfer that would take either account past its limit is
 * refused, with the limit and the agreement it comes from in the message. Starting hours after
 * orientation come out of the collective's own account, so the members' balances plus {@link
 * #collectiveAccount()} always add up to zero.
 *
 * <pre>{@code
 * long ref = coop.timeBank().record(bo, bo, ana, Quantity.hours("2"), LocalDate.of(2026, 11, 21), "childcare");
 * coop.timeBank().confirm(ana, ref);   // ana received the care: bo +2, ana -2
 * }</pre>
 */
public final class TimeBank {
  private final Collective collective;

  TimeBank(Collective collective) {
    this.collective = collective;
  }

  /**
   * {@code by} records that {@code provider} gave {@code hours} to {@code receiver} on {@code
   * served}. It waits for the other side's confirmation.
   *
   * @return the transfer's reference
   */
  public long record(MemberId by, MemberId provider, MemberId receiver, Quantity hours, LocalDate served, String note) {
    return collective.submit(by, new Event.HoursRecorded(provider, receiver, hours, served, note)).sequence();
  }

  /** The other side confirms the transfer: the hours move, within the limits in force. */
  public Entry confirm(MemberId by, long transfer) {
    return collective.submit(by, new Event.HoursConfirmed(transfer));
  }

  /** The other side declines the transfer, saying why; nothing moves. */
  public Entry decline(MemberId by, long transfer, String reason) {
    return collective.submit(by, new Event.HoursDeclined(transfer, reason));
  }

  /** {@code by}, who held {@code member}'s orientation, gives them the agreed starting hours. */
  public Entry giveStartingHours(MemberId by, MemberId member) {
    return collective.submit(by, new Event.StartingHoursGiven(member));
  }

  /** {@code member}'s balance: zero for a member who never used the time bank. */
  public HoursBalance balance(MemberId member) {
    return collective.read(f -> f.timeBank.balance(member));
  }

  /** Every account's balance, by member id (an alphabetical map: balances exist to keep limits, not to compare). */
  public Map<MemberId, HoursBalance> balances() {
    return collective.read(f -> Collections.unmodifiableMap(new TreeMap<>(f.timeBank.balances)));
  }

  /** The collective's own account: minus the starting hours it gave out. */
  public BigDecimal collectiveAccount() {
    return collective.read(f -> f.timeBank.issued.negate());
  }

  public Optional<TimeTransfer> transfer(long entry) {
    return collective.read(f -> Optional.ofNullable(f.timeBank.transfers.get(entry)));
  }

  /** Transfers waiting for {@code member} to confirm at {@code at}, oldest first (expired ones left out). */
  public List<TimeTransfer> awaiting(MemberId member, Instant at) {
    return collective.read(f -> f.timeBank.transfers.values().stream()
        .filter(t -> t.status() == TimeTransfer.Status.PENDING && t.confirmer().equals(member) && !t.expiredAt(at))
        .toList());
  }

  /** {@code member}'s own transfers, both sides, in ledger order. */
  public List<TimeTransfer> history(MemberId member) {
    return collective.read(f -> f.timeBank.transfers.values().stream()
        .filter(t -> t.provider().equals(member) || t.receiver().equals(member))
        .sorted(Comparator.comparingLong(TimeTransfer::entry)).toList());
  }
}
