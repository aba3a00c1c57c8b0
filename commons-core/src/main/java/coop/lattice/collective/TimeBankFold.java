package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidQuantityException;
import coop.lattice.LimitExceededException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.TooEarlyException;
import coop.lattice.Unit;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.agreement.TransferRecorder;
import coop.lattice.ledger.Event;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The time bank, as a part of the fold with its rules. Zero-sum: every confirmed hour leaves one
 * account and enters another, and starting hours leave the collective's own account, so the
 * members' balances plus the collective's always add up to zero. Limits are enforced when hours
 * move, never merely flagged; {@link OffersFold} moves hours through here too. Not thread-safe.
 */
final class TimeBankFold implements SubFold {
  final Map<MemberId, HoursBalance> balances = new HashMap<>();
  final Map<Long, TimeTransfer> transfers = new LinkedHashMap<>();
  final Map<MemberId, Instant> startingHours = new LinkedHashMap<>();
  /** What the collective's own account gave out as starting hours: its balance is the negative. */
  BigDecimal issued = BigDecimal.ZERO;

  @Override
  public boolean handles(Event e) {
    return e instanceof Event.HoursRecorded || e instanceof Event.HoursConfirmed || e instanceof Event.HoursDeclined
        || e instanceof Event.StartingHoursGiven;
  }

  HoursBalance balance(MemberId m) {
    return balances.getOrDefault(m, HoursBalance.ZERO);
  }

  @Override
  public void check(Step s) {
    MemberId author = s.author();
    Event event = s.event();
    Instant now = s.time();
    Membership membership = s.fold().membership;
    membership.activeMember(author, "use the time bank");
    Parameters p = s.parameters();
    if (event instanceof Event.HoursRecorded r) {
      membership.activeMember(r.provider(), "give time");
      membership.activeMember(r.receiver(), "receive time");
      if (r.provider().equals(r.receiver())) {
        throw new NotPermittedException(r.provider() + " cannot give time to themselves; a transfer goes from one"
            + " member to another.");
      }
      requireHours(r.hours(), "a time-bank transfer");
      TransferRecorder rule = p.get(Parameter.TIME_BANK_RECORDED_BY);
      MemberId recorder = rule == TransferRecorder.PROVIDER ? r.provider() : r.receiver();
      if (!author.equals(recorder)) {
        throw new NotPermittedException("Only " + recorder + ", the " + rule.name().toLowerCase(Locale.ROOT)
            + ", records this transfer (" + p.describeSource(Parameter.TIME_BANK_RECORDED_BY)
            + "); the other side confirms it.");
      }
      if (r.served().isAfter(day(now))) {
        throw new TooEarlyException("The service is dated " + r.served() + ", after today (" + day(now)
            + "): record time once it has been given.");
      }
      checkLimits(r.provider(), r.receiver(), r.hours().amount(), r.served(), p);
    } else if (event instanceof Event.HoursConfirmed c) {
      TimeTransfer t = pendingTransfer(c.transfer(), "confirm", author, now);
      checkLimits(t.provider(), t.receiver(), t.hours(), t.served(), p);
    } else if (event instanceof Event.HoursDeclined d) {
      pendingTransfer(d.transfer(), "decline", author, now);
    } else if (event instanceof Event.StartingHoursGiven g) {
      membership.activeMember(g.member(), "receive starting hours");
      BigDecimal hours = p.get(Parameter.TIME_BANK_STARTING_HOURS);
      if (hours.signum() == 0) {
        throw new NotPermittedException("No agreement in force gives starting hours (time-bank-starting-hours is 0):"
            + " adopt one that sets it before giving any.");
      }
      if (author.equals(g.member())) {
        throw new NotPermittedException("Another member, who held the orientation, gives " + g.member()
            + " their starting hours.");
      }
      if (startingHours.containsKey(g.member())) {
        throw new ConflictException(g.member() + " received their starting hours on " + startingHours.get(g.member())
            + "; they are given once.");
      }
      BigDecimal after = balance(g.member()).total().add(hours);
      BigDecimal credit = p.get(Parameter.TIME_BANK_CREDIT_LIMIT_HOURS);
      if (after.compareTo(credit) > 0) {
        throw new LimitExceededException(g.member() + " would hold " + after.toPlainString() + " hours, over the credit"
            + " limit of " + credit.toPlainString() + " hours ("
            + p.describeSource(Parameter.TIME_BANK_CREDIT_LIMIT_HOURS) + ").");
      }
    }
  }

  private static void requireHours(Quantity q, String what) {
    if (q.unit() != Unit.HOURS) {
      throw new InvalidQuantityException("The time bank counts hours; " + what + " of " + q + " cannot be recorded."
          + " Record other help as a contribution.");
    }
  }

  private TimeTransfer pendingTransfer(long ref, String verb, MemberId author, Instant now) {
    TimeTransfer t = transfers.get(ref);
    if (t == null) {
      throw new UnknownReferenceException("There is no time-bank transfer at entry " + ref + " to " + verb + ".");
    }
    if (t.status() != TimeTransfer.Status.PENDING) {
      throw new ConflictException("Transfer " + ref + " was already " + t.status().name().toLowerCase(Locale.ROOT)
          + " on " + t.settled() + ".");
    }
    if (!author.equals(t.confirmer())) {
      throw new NotPermittedException("Only " + t.confirmer() + ", the other side of transfer " + ref + ", can " + verb
          + " it; " + author + " cannot.");
    }
    if (t.expiredAt(now)) {
      throw new ExpiredException("Transfer " + ref + " had to be confirmed by " + t.expires() + " and has expired:"
          + " record it again if it still stands.");
    }
    return t;
  }

  /** Rejects a move of {@code hours} from {@code receiver} to {@code provider} that breaks a limit in force. */
  void checkLimits(MemberId provider, MemberId receiver, BigDecimal hours, LocalDate served, Parameters p) {
    BigDecimal credit = p.get(Parameter.TIME_BANK_CREDIT_LIMIT_HOURS);
    BigDecimal debit = p.get(Parameter.TIME_BANK_DEBIT_LIMIT_HOURS);
    boolean pools = weekendPools(p);
    boolean weekend = pools && isWeekend(served);
    BigDecimal up = pool(balance(provider), weekend, pools).add(hours);
    BigDecimal down = pool(balance(receiver), weekend, pools).subtract(hours);
    String which = pools ? (weekend ? " in weekend hours" : " in weekday hours") : "";
    if (up.compareTo(credit) > 0) {
      throw new LimitExceededException(provider + " would hold " + up.toPlainString() + " hours" + which
          + ", over the credit limit of " + credit.toPlainString() + " hours ("
          + p.describeSource(Parameter.TIME_BANK_CREDIT_LIMIT_HOURS) + "). Spend some hours first.");
    }
    if (down.negate().compareTo(debit) > 0) {
      throw new LimitExceededException(receiver + " would owe " + down.negate().toPlainString() + " hours" + which
          + ", over the debit limit of " + debit.toPlainString() + " hours ("
          + p.describeSource(Parameter.TIME_BANK_DEBIT_LIMIT_HOURS) + "). Give some time first.");
    }
  }

  private static BigDecimal pool(HoursBalance b, boolean weekend, boolean pools) {
    return !pools ? b.total() : weekend ? b.weekend() : b.weekday();
  }

  static boolean weekendPools(Parameters p) {
    return p.get(Parameter.TIME_BANK_RECIPROCITY).equals("weekend");
  }

  static boolean isWeekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** How long the other side has to confirm, under the agreements in force. */
  static Duration window(Parameters p) {
    return Duration.ofDays(p.get(Parameter.TIME_BANK_CONFIRM_WITHIN_DAYS));
  }

  /** The day (UTC) of {@code t}: services are dated by day. */
  static LocalDate day(Instant t) {
    return t.atZone(ZoneOffset.UTC).toLocalDate();
  }

  @Override
  public void apply(Step e) {
    Event event = e.event();
    if (event instanceof Event.HoursRecorded r) {
      Parameters p = e.parameters();
      transfers.put(e.sequence(), new TimeTransfer(e.sequence(), r.provider(), r.receiver(), r.hours().amount(),
          r.served(), e.author(), e.time(), e.time().plus(window(p)), TimeTransfer.Status.PENDING, null, r.note()));
    } else if (event instanceof Event.HoursConfirmed c) {
      TimeTransfer t = transfers.get(c.transfer());
      transfers.put(t.entry(), t.settled(TimeTransfer.Status.CONFIRMED, e.time()));
      move(t.provider(), t.receiver(), t.hours(), t.served(), e.parameters());
    } else if (event instanceof Event.HoursDeclined d) {
      transfers.computeIfPresent(d.transfer(), (k, t) -> t.settled(TimeTransfer.Status.DECLINED, e.time()));
    } else if (event instanceof Event.StartingHoursGiven g) {
      BigDecimal hours = e.parameters().get(Parameter.TIME_BANK_STARTING_HOURS);
      balances.put(g.member(), balance(g.member()).plus(hours, false));
      issued = issued.add(hours);
      startingHours.put(g.member(), e.time());
    }
  }

  /** Moves {@code hours} from {@code receiver} to {@code provider}, in the pool the day served falls in. */
  void move(MemberId provider, MemberId receiver, BigDecimal hours, LocalDate served, Parameters p) {
    boolean weekend = weekendPools(p) && isWeekend(served);
    balances.put(provider, balance(provider).plus(hours, weekend));
    balances.put(receiver, balance(receiver).plus(hours.negate(), weekend));
  }
}
