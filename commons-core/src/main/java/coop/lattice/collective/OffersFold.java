package coop.lattice.collective;

import static coop.lattice.collective.TimeBankFold.day;

import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidExchangeException;
import coop.lattice.MemberId;
import coop.lattice.MissingStepException;
import coop.lattice.NotPermittedException;
import coop.lattice.Unit;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.ledger.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Offers and requests, as a part of the fold with their rules: post, answer, commit, fulfil,
 * confirm, each step in time. A posting in hours moves time-bank balances when it is confirmed,
 * within the time bank's limits. Not thread-safe.
 */
final class OffersFold implements SubFold {
  final Map<Long, PostingRecord> postings = new LinkedHashMap<>();

  @Override
  public boolean handles(Event e) {
    return e instanceof Event.NeedPosted || e instanceof Event.PostingAnswered || e instanceof Event.PostingCommitted
        || e instanceof Event.PostingFulfilled || e instanceof Event.PostingConfirmed;
  }

  @Override
  public void check(Step s) {
    MemberId author = s.author();
    Event event = s.event();
    Instant now = s.time();
    Membership membership = s.fold().membership;
    membership.activeMember(author, "use the time bank");
    if (event instanceof Event.NeedPosted n) {
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
        throw new MissingStepException(c.with() + " has not answered posting " + r.entry() + "; commit with one who"
            + " did: " + r.answers() + ".");
      }
      membership.activeMember(c.with(), "take part in a commitment");
      if (c.due().isBefore(day(now))) {
        throw new InvalidExchangeException("The commitment would be due on " + c.due() + ", before today (" + day(now)
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
      Parameters p = s.parameters();
      PostingRecord r = posting(c.posting(), "confirm");
      stage(r, PostingRecord.Stage.FULFILLED, "confirmed");
      if (!author.equals(r.receiver())) {
        throw new NotPermittedException("Only " + r.receiver() + ", who received, confirms posting " + r.entry() + ".");
      }
      Instant deadline = r.fulfilled().plus(TimeBankFold.window(p));
      if (!now.isBefore(deadline)) {
        throw new ExpiredException("Posting " + r.entry() + " had to be confirmed by " + deadline + " ("
            + p.describeSource(Parameter.TIME_BANK_CONFIRM_WITHIN_DAYS) + "); it has expired.");
      }
      if (r.posting().quantity().unit() == Unit.HOURS) {
        s.fold().timeBank.checkLimits(r.giver(), r.receiver(), r.posting().quantity().amount(), day(r.fulfilled()), p);
      }
    }
  }

  private PostingRecord posting(long ref, String verb) {
    PostingRecord r = postings.get(ref);
    if (r == null) {
      throw new UnknownReferenceException("There is no offer or request at entry " + ref + " to " + verb + ".");
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
      throw new ConflictException("Posting " + r.entry() + " is " + r.stage().name().toLowerCase(Locale.ROOT)
          + ", so it cannot be " + verb + " now.");
    }
  }

  @Override
  public void apply(Step e) {
    Event event = e.event();
    if (event instanceof Event.NeedPosted n) {
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
        e.fold().timeBank.move(r.giver(), r.receiver(), r.posting().quantity().amount(), day(r.fulfilled()),
            e.parameters());
      }
    }
  }
}
