package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidSignupException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.joining.NewcomerUntil;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.SignupEvents;
import coop.lattice.rotation.Assignment;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Plan;
import coop.lattice.signup.Activity;
import coop.lattice.signup.Occurrence;
import coop.lattice.signup.SignupSheet;
import coop.lattice.signup.SignupTerms;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Sign-up rounds as a part of the fold: opened under the agreements in force ({@code
 * signup-min-hours}, {@code signup-notice-days}), slots taken and left and availability stated by
 * the {@link SignupSheet}'s rules while the window is open, and closed by the collective itself with
 * the one plan the sheet and the members give. A closed round's slots join the responsibility map
 * ({@link RotationsFold#join}), where they change hands only by swaps and covers. Not thread-safe: the
 * collective guards it.
 */
final class SignupsFold implements SubFold {
  /** Every round's sheet, by the entry that opened it. */
  final Map<Long, SignupSheet> rounds = new LinkedHashMap<>();
  /** Each closed round's plan as recorded. */
  final Map<Long, Plan> closed = new HashMap<>();

  @Override
  public boolean handles(Event e) {
    return e instanceof Event.SigningUp;
  }

  @Override
  public void check(Step s) {
    Event event = s.event();
    if (event instanceof SignupEvents.SignupOpened o) {
      s.fold().membership.activeMember(s.author(), "open a sign-up round");
      checkTerms(s, o.terms());
    } else if (event instanceof SignupEvents.AvailabilityStated a) {
      SignupSheet sheet = open(s, a.round(), "state availability");
      sheet.checkStatement(s.author(), a.availability(), s.time());
    } else if (event instanceof SignupEvents.SlotTaken t) {
      open(s, t.round(), "sign up").checkTake(s.author(), t.occurrence(), s.time());
    } else if (event instanceof SignupEvents.SlotLeft l) {
      sheet(l.round(), "leave a slot of").checkLeave(s.author(), l.occurrence(), s.time());
      s.fold().membership.activeMember(s.author(), "leave a slot");
    } else if (event instanceof SignupEvents.SignupClosed c) {
      checkClose(s, c);
    }
  }

  private void checkTerms(Step s, SignupTerms t) {
    Parameters p = s.parameters();
    Instant earliest = s.time().plus(Duration.ofHours(p.get(Parameter.SIGNUP_MIN_HOURS)));
    if (t.closes().isBefore(earliest)) {
      throw new InvalidSignupException("A sign-up window stays open at least " + p.get(Parameter.SIGNUP_MIN_HOURS)
          + " hours, so that every member can choose (" + Parameter.SIGNUP_MIN_HOURS.name() + ", "
          + p.describeSource(Parameter.SIGNUP_MIN_HOURS) + "): close it at " + earliest + " or later.");
    }
    int notice = p.get(Parameter.SIGNUP_NOTICE_DAYS);
    Instant latest = t.from().minusDays(notice).atStartOfDay(ZoneOffset.UTC).toInstant();
    if (t.closes().isAfter(latest)) {
      throw new InvalidSignupException("The window closes at least " + notice + " day(s) before the round's first day,"
          + " so that everyone knows their turns in time (" + Parameter.SIGNUP_NOTICE_DAYS.name() + ", "
          + p.describeSource(Parameter.SIGNUP_NOTICE_DAYS) + "): close it by " + latest + ", or start the round later.");
    }
    for (Map.Entry<Long, SignupSheet> other : rounds.entrySet()) {
      SignupTerms o = other.getValue().terms();
      if (o.from().isBefore(t.until()) && t.from().isBefore(o.until())) {
        for (Activity a : t.activities()) {
          if (o.activity(a.id()).isPresent()) {
            throw new ConflictException("Round " + other.getKey() + " ('" + o.name() + "') already has an activity "
                + a.id() + " on overlapping days; give this one another id, so that every slot is one slot.");
          }
        }
      }
    }
  }

  private void checkClose(Step s, SignupEvents.SignupClosed c) {
    if (!s.author().equals(Collective.ITSELF)) {
      throw new NotPermittedException("A round's plan is recorded by the collective itself, which has the rotation fill"
          + " it: close round " + c.round() + " with signups().close.");
    }
    SignupSheet sheet = sheet(c.round(), "close");
    if (closed.containsKey(c.round())) {
      throw new ExpiredException("Round " + c.round() + " was closed already; its slots now change hands by swaps and"
          + " covers.");
    }
    sheet.checkClose(s.time());
    if (s.fold().knowsMembers()) {
      Plan expected = fill(s.fold(), sheet, s.parameters());
      if (!expected.equals(c.plan())) {
        throw new ConflictException("This is not the plan the sign-ups and the rotation give for round " + c.round()
            + "; close it with signups().close, which has the rotation fill it.");
      }
    } else {
      // A copy of someone else's ledger cannot re-derive the plan (its tie-breaks are seeded by who
      // members are); it checks that every chosen slot stayed with who chose it, if they are still a member.
      for (Occurrence o : sheet.terms().activities().stream().flatMap(a -> a.cadence()
          .between(sheet.terms().from(), sheet.terms().until()).stream().map(d -> new Occurrence(a.id(), d))).toList()) {
        List<MemberId> holders = c.plan().assignments().stream()
            .filter(x -> x.slot().role().equals(o.activity()) && x.slot().date().equals(o.date()))
            .map(Assignment::member).toList();
        Map<MemberId, Member> members = s.fold().membership.members;
        if (!holders.containsAll(sheet.holders(o).stream().filter(m -> members.containsKey(m)
            && members.get(m).active()).toList())) {
          throw new ConflictException("The plan of round " + c.round() + " takes a chosen slot of " + o + " from who"
              + " chose it.");
        }
      }
    }
  }

  /**
   * The plan the round's sheet gives with the members active in {@code f} and the newcomer guarantee
   * {@code p} sets: who is new as the rotation request counts them ({@code newcomer-until}: by the
   * window, or by trust on the round's first day).
   */
  static Plan fill(Fold f, SignupSheet sheet, Parameters p) {
    List<Member> active = f.membership.members.values().stream().filter(Member::active)
        .sorted(Comparator.comparing(Member::id)).toList();
    List<Participant> members = active.stream()
        .map(m -> Participant.of(m.id(), m.joined().atZone(ZoneOffset.UTC).toLocalDate())).toList();
    @Nullable Set<MemberId> newcomers = null;
    if (p.get(Parameter.NEWCOMER_UNTIL) != NewcomerUntil.WINDOW) {
      Instant first = sheet.terms().from().atStartOfDay(ZoneOffset.UTC).toInstant();
      newcomers = new TreeSet<>();
      for (Member m : active) {
        if (Trust.isNew(f, m, first)) {
          newcomers.add(m.id());
        }
      }
    }
    return sheet.fill(members, p.get(Parameter.NEWCOMER_GUARANTEE_CYCLES), p.get(Parameter.NEWCOMER_WINDOW_DAYS),
        newcomers);
  }

  /** The round at {@code round} while its window may still take {@code verb}, with an active author. */
  private SignupSheet open(Step s, long round, String verb) {
    SignupSheet sheet = sheet(round, verb + " in");
    s.fold().membership.activeMember(s.author(), verb);
    return sheet;
  }

  private SignupSheet sheet(long round, String verb) {
    SignupSheet sheet = rounds.get(round);
    if (sheet == null) {
      throw new UnknownReferenceException("There is no sign-up round opened at entry " + round + " to " + verb + ".");
    }
    return sheet;
  }

  @Override
  public void apply(Step s) {
    Event event = s.event();
    if (event instanceof SignupEvents.SignupOpened o) {
      rounds.put(s.sequence(), new SignupSheet(o.terms()));
    } else if (event instanceof SignupEvents.AvailabilityStated a) {
      rounds.get(a.round()).state(s.author(), a.availability());
    } else if (event instanceof SignupEvents.SlotTaken t) {
      rounds.get(t.round()).take(s.author(), t.occurrence());
    } else if (event instanceof SignupEvents.SlotLeft l) {
      rounds.get(l.round()).leave(s.author(), l.occurrence());
    } else if (event instanceof SignupEvents.SignupClosed c) {
      closed.put(c.round(), c.plan());
      s.fold().rotations.join(c.plan());
    }
  }
}
