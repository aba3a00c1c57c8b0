package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.ledger.Event;
import coop.lattice.rotation.Assignment;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.Slot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The published responsibility map and hand-overs (swaps and cover, each with both members'
 * consent), as a fold with its rules; lotteries are {@link LotteriesFold}. Not thread-safe: the
 * collective guards it.
 */
final class RotationsFold implements SubFold {
  @Nullable Plan published;
  /** The map as it stands: the published plan with accepted hand-overs applied. */
  final Map<Slot, Assignment> current = new TreeMap<>();
  final Map<Long, HandOver> handOvers = new LinkedHashMap<>();
  /** The slots of closed sign-up rounds, with accepted hand-overs applied: a publish does not replace them. */
  final Map<Slot, Assignment> signedUp = new TreeMap<>();

  /** A hand-over and whether it was accepted. */
  record HandOver(long entry, Slot slot, MemberId from, MemberId to, @Nullable Slot inReturn, String note,
      boolean accepted) {}

  @Override
  public void check(Step s) {
    MemberId author = s.author();
    Event event = s.event();
    Membership membership = s.fold().membership;
    if (event instanceof Event.PlanPublished p) {
      membership.activeMember(author, "publish a plan");
      for (Assignment a : p.plan().assignments()) {
        if (a.member() != null) {
          membership.activeMember(a.member(), "be given " + a.slot());
        }
      }
    } else if (event instanceof Event.HandOverProposed h) {
      Assignment a = mapOf(h.slot()).get(h.slot());
      if (a == null) {
        throw new UnknownReferenceException("There is no " + h.slot() + " in the published plan or a closed sign-up"
            + " round.");
      }
      if (!author.equals(a.member())) {
        throw new NotPermittedException("Only " + a.member() + ", who holds " + h.slot() + ", can hand it over.");
      }
      membership.activeMember(h.to(), "take over " + h.slot());
      if (h.to().equals(author)) {
        throw new InvalidRotationException("A hand-over goes to someone else.");
      }
      if (h.inReturn() != null) {
        Assignment back = mapOf(h.inReturn()).get(h.inReturn());
        if (back == null || !h.to().equals(back.member())) {
          throw new InvalidRotationException("A swap offers a slot " + h.to() + " holds; " + h.to() + " does not hold "
              + h.inReturn() + ".");
        }
      }
    } else if (event instanceof Event.HandOverAccepted acc) {
      HandOver h = handOvers.get(acc.proposal());
      if (h == null) {
        throw new UnknownReferenceException("There is no hand-over at entry " + acc.proposal() + " to accept.");
      }
      if (!author.equals(h.to())) {
        throw new NotPermittedException("Only " + h.to() + ", who was asked, can accept this hand-over: swaps and"
            + " cover need both members' consent.");
      }
      if (h.accepted()) {
        throw new ConflictException("This hand-over was already accepted.");
      }
      Assignment a = mapOf(h.slot()).get(h.slot());
      if (a == null || !h.from().equals(a.member())
          || h.inReturn() != null && !h.to().equals(mapOf(h.inReturn()).get(h.inReturn()).member())) {
        throw new ConflictException("The map changed since this hand-over was proposed; propose it again.");
      }
    }
  }

  @Override
  public void apply(Step e) {
    Event event = e.event();
    if (event instanceof Event.PlanPublished p) {
      published = p.plan();
      current.clear();
      p.plan().assignments().forEach(a -> current.put(a.slot(), a));
    } else if (event instanceof Event.HandOverProposed h) {
      handOvers.put(e.sequence(), new HandOver(e.sequence(), h.slot(), e.author(), h.to(), h.inReturn(), h.note(), false));
    } else if (event instanceof Event.HandOverAccepted acc) {
      HandOver h = handOvers.get(acc.proposal());
      handOvers.put(h.entry(), new HandOver(h.entry(), h.slot(), h.from(), h.to(), h.inReturn(), h.note(), true));
      if (h.inReturn() == null) {
        mapOf(h.slot()).put(h.slot(), new Assignment(h.slot(), h.to(), "covered for a turn " + h.from()
            + " could not take; agreed by both"));
      } else {
        mapOf(h.slot()).put(h.slot(), new Assignment(h.slot(), h.to(), SWAPPED));
        mapOf(h.inReturn()).put(h.inReturn(), new Assignment(h.inReturn(), h.from(), SWAPPED));
      }
    }
  }

  /** The reason a swapped slot gives. */
  static final String SWAPPED = "swap approved by both";

  /** The map {@code slot} is in: a closed sign-up round's, else the published plan's. */
  private Map<Slot, Assignment> mapOf(Slot slot) {
    return signedUp.containsKey(slot) ? signedUp : current;
  }

  /** A closed sign-up round's plan joins the map; its slots then change hands like the published plan's. */
  void join(Plan plan) {
    plan.assignments().forEach(a -> signedUp.put(a.slot(), a));
  }

  @Override
  public boolean handles(Event e) {
    return e instanceof Event.PlanPublished || e instanceof Event.HandOverProposed
        || e instanceof Event.HandOverAccepted;
  }

  List<PendingHandOver> pending() {
    return handOvers.values().stream().filter(h -> !h.accepted())
        .map(h -> new PendingHandOver(h.entry(), h.slot(), h.from(), h.to(), h.inReturn(), h.note())).toList();
  }

  @Nullable Plan currentPlan() {
    return published == null ? null : new Plan(published.policy(), published.seed(), published.from(), published.until(),
        new ArrayList<>(current.values()));
  }
}
