package coop.lattice.signup;

import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.TooEarlyException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.rotation.Assignment;
import coop.lattice.rotation.HeldTurns;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.PlanRequest;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RotationPolicy;
import coop.lattice.rotation.Slot;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The sign-up sheet of one round, and its rules: members take slots during the window, leave them
 * before it closes (the slot reopens), and state when they are away, which days they would rather
 * not, what they can do and how much they can carry. When the window closes, {@link #fill} has the
 * fair rotation fill only the slots nobody chose, counting every chosen turn as a turn held.
 *
 * <p>Each {@code check} method throws, saying what was wrong and what to do, if its command breaks
 * a rule, and changes nothing; the method of the same name without {@code check} then records it.
 * Unlike a points system, the sheet never ranks members: it knows who holds which slot, and the
 * rotation balances turns against each member's share.
 *
 * <p>Not thread-safe: the collective guards it.
 *
 * <pre>{@code
 * SignupSheet sheet = new SignupSheet(terms);
 * sheet.checkTake(ana, saturday, now);
 * sheet.take(ana, saturday);
 * Plan plan = sheet.fill(roster, 2, 90);   // after the window closes
 * }</pre>
 */
public final class SignupSheet {
  private final SignupTerms terms;
  private final Map<Occurrence, List<MemberId>> taken = new TreeMap<>();
  private final Map<MemberId, Availability> stated = new TreeMap<>();

  public SignupSheet(SignupTerms terms) {
    this.terms = terms;
  }

  public SignupTerms terms() {
    return terms;
  }

  /**
   * Checks that {@code member} may take a slot of {@code o} at {@code now}.
   *
   * @throws ExpiredException after the window closed, or for a day already past
   * @throws UnknownReferenceException for an activity not in the round, or a day it does not come round
   * @throws ConflictException when every slot is taken, they hold one already, or they hold an
   *     activity that excludes it that day
   * @throws NotPermittedException when they lack a tag it requires, or stated they are away that day
   */
  public void checkTake(MemberId member, Occurrence o, Instant now) {
    open(now, "take a slot");
    if (o.date().isBefore(today(now))) {
      throw new ExpiredException(o + " is past (today is " + today(now) + "); sign up for a day still to come.");
    }
    Activity a = activity(o);
    List<MemberId> holders = holders(o);
    if (holders.contains(member)) {
      throw new ConflictException(member + " already holds a slot of " + o + "; one slot of a time is one turn.");
    }
    if (holders.size() >= a.seats()) {
      throw new ConflictException(o + " is full: its " + a.seats() + " slot" + (a.seats() == 1 ? " is" : "s are")
          + " taken. Choose another day, or ask a holder for a swap once the window closes.");
    }
    for (Occurrence held : takenBy(member)) {
      if (held.date().equals(o.date()) && activity(held).excludes(a)) {
        throw new ConflictException(member + " holds a slot of " + held + ", and nobody takes " + a.name() + " the"
            + " same day; leave that slot first, or choose another day.");
      }
    }
    Availability mine = availability(member);
    if (!mine.tags().containsAll(a.requires())) {
      throw new NotPermittedException(a.name() + " needs someone who declares " + String.join(", ", a.requires())
          + "; " + member + " declares " + (mine.tags().isEmpty() ? "nothing" : String.join(", ", mine.tags()))
          + ". Declare it in a statement of availability if it is true, or choose another activity.");
    }
    if (mine.awayOn(o.date())) {
      throw new NotPermittedException(member + " stated they are away on " + o.date() + "; change the statement"
          + " first if that is no longer so.");
    }
  }

  public void take(MemberId member, Occurrence o) {
    taken.computeIfAbsent(o, k -> new ArrayList<>()).add(member);
  }

  /**
   * Checks that {@code member} may leave their slot of {@code o} at {@code now}: only before the
   * window closes (the slot reopens); after it, a slot changes hands only by a swap or a cover.
   *
   * @throws ExpiredException after the window closed
   * @throws UnknownReferenceException when they hold no slot of {@code o}
   */
  public void checkLeave(MemberId member, Occurrence o, Instant now) {
    if (!now.isBefore(terms.closes())) {
      throw new ExpiredException("The window of '" + terms.name() + "' closed at " + terms.closes() + ", the deadline"
          + " to leave a slot. Now " + o + " changes hands only by a swap or a cover: ask another member to take it"
          + " (proposeHandOver), and it is theirs once they accept.");
    }
    activity(o);
    if (!holders(o).contains(member)) {
      throw new UnknownReferenceException(member + " holds no slot of " + o + " to leave.");
    }
  }

  public void leave(MemberId member, Occurrence o) {
    List<MemberId> h = taken.get(o);
    h.remove(member);
    if (h.isEmpty()) {
      taken.remove(o);
    }
  }

  /**
   * Checks {@code member}'s statement of availability at {@code now}: before the window closes, and
   * consistent with the slots they hold (not away on one, still declaring what each requires).
   *
   * @throws ExpiredException after the window closed
   * @throws ConflictException when it contradicts a slot they hold
   */
  public void checkStatement(MemberId member, Availability a, Instant now) {
    open(now, "state availability");
    for (Occurrence o : takenBy(member)) {
      if (a.awayOn(o.date())) {
        throw new ConflictException(member + " holds a slot of " + o + " and would be away that day; leave the slot"
            + " first.");
      }
      if (!a.tags().containsAll(activity(o).requires())) {
        throw new ConflictException(member + " holds a slot of " + o + ", which needs "
            + String.join(", ", activity(o).requires()) + "; leave the slot first, or keep declaring it.");
      }
    }
  }

  public void state(MemberId member, Availability a) {
    stated.put(member, a);
  }

  /** Checks that the window has closed at {@code now}, so the rotation may fill the rest. */
  public void checkClose(Instant now) {
    if (now.isBefore(terms.closes())) {
      throw new TooEarlyException("The window of '" + terms.name() + "' is open until " + terms.closes()
          + "; close it after that.");
    }
  }

  /** What {@code member} stated, or {@link Availability#ANY_TIME}. */
  public Availability availability(MemberId member) {
    return stated.getOrDefault(member, Availability.ANY_TIME);
  }

  /** Who took a slot of {@code o}, in the order they took it. */
  public List<MemberId> holders(Occurrence o) {
    return List.copyOf(taken.getOrDefault(o, List.of()));
  }

  /** The slots of {@code o} nobody has taken yet. */
  public int free(Occurrence o) {
    return activity(o).seats() - taken.getOrDefault(o, List.of()).size();
  }

  /** Whether {@code member} took a slot of {@code o}. */
  public boolean chose(MemberId member, Occurrence o) {
    return taken.getOrDefault(o, List.of()).contains(member);
  }

  /** The occurrences {@code member} took a slot of, in order. */
  public List<Occurrence> takenBy(MemberId member) {
    return taken.entrySet().stream().filter(e -> e.getValue().contains(member)).map(Map.Entry::getKey).toList();
  }

  /**
   * The plan for the round once its window closed: every chosen slot stays with whoever chose it
   * and counts as one of their turns; the fair rotation ({@link RotationPolicy#fair(long, HeldTurns)})
   * fills the rest among {@code members}, each as they stated (away days hard, rather-not days soft,
   * tags, capacity). A slot chosen by someone no longer among {@code members} is open again. The
   * same sheet and members give the same plan.
   *
   * @param members the active members with the day each joined (their tags, capacity and breaks are
   *     taken from what they stated here)
   * @param newcomerCycles the newcomer guarantee's cycles in force
   * @param newcomerWindowDays the newcomer window in force
   */
  public Plan fill(List<Participant> members, int newcomerCycles, int newcomerWindowDays) {
    return fill(members, newcomerCycles, newcomerWindowDays, null);
  }

  /**
   * As {@link #fill(List, int, int)}, where exactly {@code newcomers} are new for the newcomer
   * guarantee (the members the collective counts as new, by trust: {@link PlanRequest#withNewcomers});
   * null to count those who joined within the newcomer window.
   */
  public Plan fill(List<Participant> members, int newcomerCycles, int newcomerWindowDays,
      @Nullable Set<MemberId> newcomers) {
    List<Participant> roster = new ArrayList<>();
    Set<MemberId> present = new HashSet<>();
    Map<MemberId, Set<DayOfWeek>> ratherNot = new HashMap<>();
    for (Participant p : members) {
      Availability a = availability(p.member());
      List<Participant.Away> away = new ArrayList<>(p.away());
      away.addAll(a.away());
      roster.add(new Participant(p.member(), Set.copyOf(a.tags()), p.joined(), a.capacity(), away));
      present.add(p.member());
      ratherNot.put(p.member(), Set.copyOf(a.ratherNot()));
    }
    Map<Slot, MemberId> held = new HashMap<>();
    taken.forEach((o, who) -> {
      int seat = 1;
      for (MemberId m : who) {
        if (present.contains(m)) {
          held.put(new Slot(o.date(), o.activity(), seat++), m);
        }
      }
    });
    List<Role> roles = terms.activities().stream().map(Activity::role).toList();
    PlanRequest window = new PlanRequest(roster, roles, terms.from(), terms.until(), newcomerCycles,
        newcomerWindowDays);
    PlanRequest request = newcomers == null ? window : window.withNewcomers(newcomers);
    HeldTurns turns = new HeldTurns(held, ratherNot);
    Plan plan = RotationPolicy.fair(terms.seed(), turns).plan(request);
    List<Assignment> out = new ArrayList<>();
    for (Assignment a : plan.assignments()) {
      MemberId m = a.member();
      Occurrence o = new Occurrence(a.slot().role(), a.slot().date());
      String reason;
      if (m == null) {
        reason = OPEN + a.reason();
      } else if (chose(m, o)) {
        reason = CHOSEN;
      } else {
        DayOfWeek day = a.slot().date().getDayOfWeek();
        reason = ASSIGNED + anonymous(a.reason(), present) + (turns.ratherNot(m, day) ? "; on a " + day.name()
            .charAt(0) + day.name().substring(1).toLowerCase(Locale.ROOT) + ", which they would rather not:"
            + " no plan within one turn of everyone's share honoured every such wish for this activity" : "");
      }
      out.add(new Assignment(a.slot(), m, reason));
    }
    return new Plan(plan.policy(), plan.seed(), plan.from(), plan.until(), out);
  }

  /** The reason a chosen slot gives in a plan. */
  public static final String CHOSEN = "chosen: they signed up for it while the window was open; it counts as a turn"
      + " held";
  /** How the reason of a slot the rotation filled begins. */
  public static final String ASSIGNED = "assigned when the window closed (chosen turns count as turns held): ";
  /** How the reason of a slot nobody could hold begins. */
  public static final String OPEN = "open: ";

  /**
   * {@code reason} with any member it names replaced by "a member": a plan's words go on the open
   * ledger. Only the newcomer guarantee's reasons name the member whose turn it took.
   */
  private static String anonymous(String reason, Set<MemberId> members) {
    if (!reason.startsWith("newcomer guarantee")) {
      return reason;
    }
    String out = reason;
    for (MemberId m : members) {
      if (out.contains(m.value())) {
        out = out.replace(m.value(), "a member");
      }
    }
    return out;
  }

  private void open(Instant now, String verb) {
    if (!now.isBefore(terms.closes())) {
      throw new ExpiredException("The window of '" + terms.name() + "' closed at " + terms.closes() + "; it is now "
          + now + ", too late to " + verb + ". The rotation fills what nobody chose.");
    }
  }

  private Activity activity(Occurrence o) {
    Activity a = terms.activity(o.activity()).orElseThrow(() -> new UnknownReferenceException("'" + terms.name()
        + "' has no activity " + o.activity() + "; its activities are " + terms.activities().stream()
            .map(x -> x.id().value()).toList() + "."));
    if (!a.cadence().between(terms.from(), terms.until()).contains(o.date())) {
      throw new UnknownReferenceException(a.name() + " does not come round on " + o.date() + " in '" + terms.name()
          + "'; choose one of its days.");
    }
    return a;
  }

  private static LocalDate today(Instant now) {
    return now.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
