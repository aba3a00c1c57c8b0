package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidQuantityException;
import coop.lattice.LimitExceededException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.RejectedCommandException;
import coop.lattice.Unit;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.agreement.TransferRecorder;
import coop.lattice.exchange.Posting;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The time bank and the offers and requests board, as a fold with its rules. Zero-sum: every
 * confirmed hour leaves one account and enters another, and starting hours leave the
 * collective's own account, so the members' balances plus the collective's always add up to
 * zero. Limits are enforced when hours move, never merely flagged. Not thread-safe.
 */
final class TimeBankFold {
  final Map<MemberId, HoursBalance> balances = new HashMap<>();
  final Map<Long, TimeTransfer> transfers = new LinkedHashMap<>();
  final Map<Long, PostingRecord> postings = new LinkedHashMap<>();
  final Map<MemberId, Instant> startingHours = new LinkedHashMap<>();
  /** What the collective's own account gave out as starting hours: its balance is the negative. */
  BigDecimal issued = BigDecimal.ZERO;

  static boolean handles(Event e) {
    return e instanceof Event.HoursRecorded || e instanceof Event.HoursConfirmed || e instanceof Event.HoursDeclined
        || e instanceof Event.StartingHoursGiven || e instanceof Event.NeedPosted
        || e instanceof Event.PostingAnswered || e instanceof Event.PostingCommitted
        || e instanceof Event.PostingFulfilled || e instanceof Event.PostingConfirmed;
  }

  HoursBalance balance(MemberId m) {
    return balances.getOrDefault(m, HoursBalance.ZERO);
  }

  void check(MemberId author, Event event, Instant now, Fold fold) {
    fold.activeMember(author, "use the time bank");
    Parameters p = fold.governance.parameters(now);
    if (event instanceof Event.HoursRecorded r) {
      fold.activeMember(r.provider(), "give time");
      fold.activeMember(r.receiver(), "receive time");
      if (r.provider().equals(r.receiver())) {
        throw new NotPermittedException(r.provider() + " cannot give time to themselves; a transfer goes from one"
            + " member to another.");
      }
      requireHours(r.hours(), "a time-bank transfer");
      TransferRecorder rule = p.get(Parameter.TIME_BANK_RECORDED_BY);
      MemberId recorder = rule == TransferRecorder.PROVIDER ? r.provider() : r.receiver();
      if (!author.equals(recorder)) {
        throw new NotPermittedException("Only " + recorder + ", the " + rule.name().toLowerCase(java.util.Locale.ROOT)
            + ", records this transfer (" + p.describeSource(Parameter.TIME_BANK_RECORDED_BY)
            + "); the other side confirms it.");
      }
      if (r.served().isAfter(day(now))) {
        throw new RejectedCommandException("The service is dated " + r.served() + ", after today (" + day(now)
            + "): record time once it has been given.");
      }
      checkLimits(r.provider(), r.receiver(), r.hours().amount(), r.served(), p);
    } else if (event instanceof Event.HoursConfirmed c) {
      TimeTransfer t = pendingTransfer(c.transfer(), "confirm", author, now);
      checkLimits(t.provider(), t.receiver(), t.hours(), t.served(), p);
    } else if (event instanceof Event.HoursDeclined d) {
      pendingTransfer(d.transfer(), "decline", author, now);
    } else if (event instanceof Event.StartingHoursGiven s) {
      fold.activeMember(s.member(), "receive starting hours");
      BigDecimal hours = p.get(Parameter.TIME_BANK_STARTING_HOURS);
      if (hours.signum() == 0) {
        throw new NotPermittedException("No agreement in force gives starting hours (time-bank-starting-hours is 0):"
            + " adopt one that sets it before giving any.");
      }
      if (author.equals(s.member())) {
        throw new NotPermittedException("Another member, who held the orientation, gives " + s.member()
            + " their starting hours.");
      }
      if (startingHours.containsKey(s.member())) {
        throw new ConflictException(s.member() + " received their starting hours on " + startingHours.get(s.member())
            + "; they are given once.");
      }
      BigDecimal after = balance(s.member()).total().add(hours);
      BigDecimal credit = p.get(Parameter.TIME_BANK_CREDIT_LIMIT_HOURS);
      if (after.compareTo(credit) > 0) {
        throw new LimitExceededException(s.member() + " would hold " + after.toPlainString() + " hours, over the credit"
            + " limit of " + credit.toPlainString() + " hours ("
            + p.describeSource(Parameter.TIME_BANK_CREDIT_LIMIT_HOURS) + ").");
      }
    } else if (event instanceof Event.NeedPosted n) {
      if (!n.posting().expires().isAfter(now)) {
        throw new ExpiredException("The posting would expire at " + n.posting().expires() + ", which is not after now ("
            + now + "): give it time to be answered.");
      }
    } else if (event instanceof Event.PostingAnswered a) {
      PostingRecord r = posting(a.posting(), "answer");
      if (r.poster().equals(author)) {
        throw new NotPermittedException("The poster cannot answer their own posting.");
      }
      openFor(r, now, "answered");
      if (r.answers().contains(author)) {
        throw new ConflictException(author + " already answered posting " + r.entry() + ".");
      }
    } else if (event instanceof Event.PostingCommitted c) {
      PostingRecord r = posting(c.posting(), "commit to");
      if (!r.poster().equals(author)) {
        throw new NotPermittedException("Only " + r.poster() + ", who posted it, commits posting " + r.entry() + ".");
      }
      openFor(r, now, "committed");
      if (!r.answers().contains(c.with())) {
        throw new RejectedCommandException(c.with() + " has not answered posting " + r.entry() + "; commit with one who"
            + " did: " + r.answers() + ".");
      }
      fold.activeMember(c.with(), "take part in a commitment");
      if (c.due().isBefore(day(now))) {
        throw new RejectedCommandException("The commitment would be due on " + c.due() + ", before today (" + day(now)
            + ").");
      }
    } else if (event instanceof Event.PostingFulfilled f) {
      PostingRecord r = posting(f.posting(), "fulfil");
      stage(r, PostingRecord.Stage.COMMITTED, "fulfilled");
      if (!author.equals(r.giver())) {
        throw new NotPermittedException("Only " + r.giver() + ", who gives, says posting " + r.entry() + " was done.");
      }
      if (day(now).isAfter(r.due())) {
        throw new ExpiredException("The commitment on posting " + r.entry() + " was due on " + r.due()
            + " and has expired: post again and commit to a new date.");
      }
    } else if (event instanceof Event.PostingConfirmed c) {
      PostingRecord r = posting(c.posting(), "confirm");
      stage(r, PostingRecord.Stage.FULFILLED, "confirmed");
      if (!author.equals(r.receiver())) {
        throw new NotPermittedException("Only " + r.receiver() + ", who received, confirms posting " + r.entry() + ".");
      }
      Instant deadline = r.fulfilled().plus(window(p));
      if (!now.isBefore(deadline)) {
        throw new ExpiredException("Posting " + r.entry() + " had to be confirmed by " + deadline + " ("
            + p.describeSource(Parameter.TIME_BANK_CONFIRM_WITHIN_DAYS) + "); it has expired.");
      }
      if (r.posting().quantity().unit() == Unit.HOURS) {
        checkLimits(r.giver(), r.receiver(), r.posting().quantity().amount(), day(r.fulfilled()), p);
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
      throw new RejectedCommandException("There is no time-bank transfer at entry " + ref + " to " + verb + ".");
    }
    if (t.status() != TimeTransfer.Status.PENDING) {
      throw new ConflictException("Transfer " + ref + " was already " + t.status().name().toLowerCase(java.util.Locale.ROOT)
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
  private void checkLimits(MemberId provider, MemberId receiver, BigDecimal hours, LocalDate served, Parameters p) {
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

  private PostingRecord posting(long ref, String verb) {
    PostingRecord r = postings.get(ref);
    if (r == null) {
      throw new RejectedCommandException("There is no offer or request at entry " + ref + " to " + verb + ".");
    }
    return r;
  }

  private static void openFor(PostingRecord r, Instant now, String verb) {
    stage(r, PostingRecord.Stage.OPEN, verb);
    if (!now.isBefore(r.posting().expires())) {
      throw new ExpiredException("Posting " + r.entry() + " expired at " + r.posting().expires()
          + " and can no longer be " + verb + ": post it again if it still stands.");
    }
  }

  private static void stage(PostingRecord r, PostingRecord.Stage expected, String verb) {
    if (r.stage() != expected) {
      throw new ConflictException("Posting " + r.entry() + " is " + r.stage().name().toLowerCase(java.util.Locale.ROOT)
          + ", so it cannot be " + verb + " now.");
    }
  }

  static Duration window(Parameters p) {
    return Duration.ofDays(p.get(Parameter.TIME_BANK_CONFIRM_WITHIN_DAYS));
  }

  private static LocalDate day(Instant t) {
    return t.atZone(ZoneOffset.UTC).toLocalDate();
  }

  void apply(Entry e, Fold fold) {
    Event event = e.event();
    if (event instanceof Event.HoursRecorded r) {
      Parameters p = fold.governance.parameters(e.time());
      transfers.put(e.sequence(), new TimeTransfer(e.sequence(), r.provider(), r.receiver(), r.hours().amount(),
          r.served(), e.author(), e.time(), e.time().plus(window(p)), TimeTransfer.Status.PENDING, null, r.note()));
    } else if (event instanceof Event.HoursConfirmed c) {
      TimeTransfer t = transfers.get(c.transfer());
      transfers.put(t.entry(), t.settled(TimeTransfer.Status.CONFIRMED, e.time()));
      move(t.provider(), t.receiver(), t.hours(), t.served(), fold.governance.parameters(e.time()));
    } else if (event instanceof Event.HoursDeclined d) {
      transfers.computeIfPresent(d.transfer(), (k, t) -> t.settled(TimeTransfer.Status.DECLINED, e.time()));
    } else if (event instanceof Event.StartingHoursGiven s) {
      BigDecimal hours = fold.governance.parameters(e.time()).get(Parameter.TIME_BANK_STARTING_HOURS);
      balances.put(s.member(), balance(s.member()).plus(hours, false));
      issued = issued.add(hours);
      startingHours.put(s.member(), e.time());
    } else if (event instanceof Event.NeedPosted n) {
      postings.put(e.sequence(), new PostingRecord(e.sequence(), e.author(), n.posting(), List.of(), null, null,
          PostingRecord.Stage.OPEN, null));
    } else if (event instanceof Event.PostingAnswered a) {
      postings.computeIfPresent(a.posting(), (k, r) -> {
        List<MemberId> answers = new ArrayList<>(r.answers());
        answers.add(e.author());
        return new PostingRecord(r.entry(), r.poster(), r.posting(), answers, null, null, r.stage(), null);
      });
    } else if (event instanceof Event.PostingCommitted c) {
      postings.computeIfPresent(c.posting(), (k, r) -> new PostingRecord(r.entry(), r.poster(), r.posting(),
          r.answers(), c.with(), c.due(), PostingRecord.Stage.COMMITTED, null));
    } else if (event instanceof Event.PostingFulfilled f) {
      postings.computeIfPresent(f.posting(), (k, r) -> new PostingRecord(r.entry(), r.poster(), r.posting(),
          r.answers(), r.with(), r.due(), PostingRecord.Stage.FULFILLED, e.time()));
    } else if (event instanceof Event.PostingConfirmed c) {
      PostingRecord r = postings.get(c.posting());
      postings.put(r.entry(), new PostingRecord(r.entry(), r.poster(), r.posting(), r.answers(), r.with(), r.due(),
          PostingRecord.Stage.CONFIRMED, r.fulfilled()));
      if (r.posting().quantity().unit() == Unit.HOURS) {
        move(r.giver(), r.receiver(), r.posting().quantity().amount(), day(r.fulfilled()),
            fold.governance.parameters(e.time()));
      }
    }
  }

  private void move(MemberId provider, MemberId receiver, BigDecimal hours, LocalDate served, Parameters p) {
    boolean weekend = weekendPools(p) && isWeekend(served);
    balances.put(provider, balance(provider).plus(hours, weekend));
    balances.put(receiver, balance(receiver).plus(hours.negate(), weekend));
  }
}
