package coop.lattice.collective;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidExchangeException;
import coop.lattice.NoPartnershipException;
import coop.lattice.NotPermittedException;
import coop.lattice.TooEarlyException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.collective.ClearingRound.Stage;
import coop.lattice.exchange.Clearing;
import coop.lattice.exchange.Debt;
import coop.lattice.exchange.RoundId;
import coop.lattice.ledger.ClearingEvents;
import coop.lattice.ledger.ClearingEvents.RoundCommitted;
import coop.lattice.ledger.ClearingEvents.RoundCompleted;
import coop.lattice.ledger.ClearingEvents.RoundDeclined;
import coop.lattice.ledger.ClearingEvents.RoundJoined;
import coop.lattice.ledger.ClearingEvents.RoundLapsed;
import coop.lattice.ledger.ClearingEvents.RoundPrepared;
import coop.lattice.ledger.ClearingEvents.RoundProposed;
import coop.lattice.ledger.ClearingEvents.RoundSettled;
import coop.lattice.ledger.Event;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Clearing rounds on this collective's ledger ({@link ClearingEvents}), as coordinator or as
 * participant, and the rules each step keeps. A statement of debts must be exactly what the
 * balances say at that entry, so the entry itself proves it to anyone who holds the ledger; the
 * cycles prepared must be exactly what {@link Clearing} finds in the statements; the legs committed
 * must be this collective's legs of those cycles, each within the balances. Legs move balances only
 * when the round completes (the coordinator's {@link RoundCompleted}, each participant's {@link
 * RoundSettled}; a participant on no cycle settles with nothing to move); until then they are
 * provisional, and a lapse leaves every balance as it was. A participant lapses on its own only
 * from the round's closing time, so it never undoes a completion the coordinator made in time;
 * before, only by following the coordinator's lapse. Balances are moved through {@link TradeFold#clear}.
 */
final class ClearingFold implements SubFold {
  /** The longest window a round may have. */
  static final Duration LONGEST = Duration.ofDays(30);

  final Map<RoundId, ClearingRound> rounds = new LinkedHashMap<>();
  /** The coordinator's own rounds: the entry that prepared each. */
  final Map<RoundId, Long> preparedAt = new HashMap<>();

  @Override
  public boolean handles(Event e) {
    return e instanceof Event.ClearingRounds;
  }

  @Override
  public void check(Step s) {
    s.fold().membership.activeMember(s.author(), "take part in a clearing round");
    Event e = s.event();
    CollectiveId self = s.fold().id();
    TradeFold trade = s.fold().trade;
    RoundId of = ClearingEvents.round(self, s.sequence(), (Event.ClearingRounds) e);
    if (!of.coordinator().equals(self)) {
      // A participant's steps answer the coordinator's: taken by the member appointed to relay its steps.
      trade.relayOf(s.author(), of.coordinator(), s.time());
    }
    if (e instanceof RoundProposed p) {
      Set<CollectiveId> seen = new HashSet<>();
      for (CollectiveId c : p.invited()) {
        if (c.equals(self) || !seen.add(c)) {
          throw new InvalidExchangeException("A round invites each partner once, and not the collective itself; "
              + c + " is " + (c.equals(self) ? "this collective" : "named twice") + ".");
        }
        partner(trade, c);
      }
      window(s.time(), p.closes());
    } else if (e instanceof RoundJoined j) {
      fresh(j.round(), self);
      invited(j.round(), j.invited(), self);
      window(s.time(), j.closes());
      consent(s.parameters());
      partner(trade, j.round().coordinator());
      Set<CollectiveId> others = new LinkedHashSet<>(j.invited());
      others.add(j.round().coordinator());
      others.remove(self);
      sameDebts("stated", j.owes(), trade.debtsTo(self, others));
    } else if (e instanceof RoundDeclined d) {
      fresh(d.round(), self);
    } else if (e instanceof RoundPrepared p) {
      RoundId id = RoundId.of(self, p.proposal());
      ClearingRound r = round(id, Stage.PROPOSED, "prepared");
      open(s.time(), r);
      Set<CollectiveId> joined = new HashSet<>();
      for (ClearingEvents.Statement st : p.statements()) {
        if (!r.invited().contains(st.collective()) || !joined.add(st.collective())) {
          throw new InvalidExchangeException(st.collective() + " was not invited to round " + id + ", or its statement"
              + " is there twice.");
        }
      }
      sameDebts("stated", p.owes(), trade.debtsTo(self, joined));
      List<Clearing.Cycle> expected = cycles(id, self, p);
      if (!expected.equals(p.cycles())) {
        throw new InvalidExchangeException("The cycles prepared for round " + id + " are not the ones its statements"
            + " give: clearing them finds " + expected + ".");
      }
    } else if (e instanceof RoundCommitted c) {
      Stage due = c.round().coordinator().equals(self) ? Stage.PREPARED : Stage.JOINED;
      open(s.time(), round(c.round(), due, "committed"));
      if (c.legs().isEmpty()) {
        throw new InvalidExchangeException("A commitment names at least one leg; a collective on no cycle has nothing"
            + " to commit.");
      }
      within(trade, c.round(), c.legs());
    } else if (e instanceof RoundCompleted c) {
      RoundId id = RoundId.of(self, c.proposal());
      ClearingRound r = rounds.get(id);
      if (r == null || !(r.stage() == Stage.PREPARED || r.stage() == Stage.COMMITTED)) {
        throw new ConflictException("Round " + id + " is " + (r == null ? "not on this ledger"
            : r.stage().name().toLowerCase(java.util.Locale.ROOT)) + ", so it cannot be completed now.");
      }
      if (r.stage() == Stage.PREPARED && !r.legs().isEmpty()) {
        throw new ConflictException("This collective has legs in round " + id + ": it commits them before it"
            + " completes the round.");
      }
      open(s.time(), r);
      Set<CollectiveId> withLegs = r.prepared().withLegs();
      Set<CollectiveId> named = new HashSet<>();
      for (ClearingEvents.Commitment m : c.commitments()) {
        if (!named.add(m.collective()) || m.collective().equals(self) && m.entry() != r.entry()) {
          throw new InvalidExchangeException("Commitment " + m + " is named twice, or is not this collective's own"
              + " commitment to round " + id + ".");
        }
      }
      if (!named.equals(withLegs)) {
        throw new InvalidExchangeException("Round " + id + " completes with a commitment from each collective with a"
            + " leg, " + withLegs + "; the completion names " + named + ".");
      }
    } else if (e instanceof RoundSettled st) {
      ClearingRound r = rounds.get(st.round());
      if (r == null || !(r.stage() == Stage.JOINED || r.stage() == Stage.COMMITTED)) {
        throw new ConflictException("Round " + st.round() + " is " + (r == null ? "not on this ledger"
            : r.stage().name().toLowerCase(java.util.Locale.ROOT)) + ", so it cannot be settled now.");
      }
      if (st.round().coordinator().equals(self)) {
        throw new NotPermittedException("The coordinator completes its own round; a participant settles it.");
      }
    } else if (e instanceof RoundLapsed l) {
      ClearingRound r = rounds.get(l.round());
      if (r == null || r.stage().decided()) {
        throw new ConflictException("Round " + l.round() + " is " + (r == null ? "not on this ledger"
            : r.stage().name().toLowerCase(java.util.Locale.ROOT)) + ", so it cannot lapse.");
      }
      if (!l.round().coordinator().equals(self) && l.following() <= 0 && s.time().isBefore(r.closes())) {
        throw new TooEarlyException("Round " + l.round() + " is open until " + r.closes() + "; until then only its"
            + " coordinator can let it lapse.");
      }
    }
  }

  /** The cycles the statements of {@code p} and the coordinator's own debts give. */
  static List<Clearing.Cycle> cycles(RoundId id, CollectiveId coordinator, RoundPrepared p) {
    Set<CollectiveId> in = new HashSet<>();
    in.add(coordinator);
    p.statements().forEach(st -> in.add(st.collective()));
    List<Debt> debts = new ArrayList<>();
    p.owes().forEach(debts::add);
    p.statements().forEach(st -> debts.addAll(st.owes()));
    debts.removeIf(d -> !in.contains(d.debtor()) || !in.contains(d.creditor()));
    return Clearing.clear(id.clearingId(), debts).cycles();
  }

  private static void partner(TradeFold trade, CollectiveId c) {
    if (!trade.partners.containsKey(c)) {
      throw new NoPartnershipException("There is no exchange agreement with " + c + ", so it has no debts to clear"
          + " with this collective: agree a partnership first.");
    }
  }

  private static void window(Instant now, Instant closes) {
    if (!closes.isAfter(now)) {
      throw new ExpiredException("The round closes at " + closes + ", which is not after now (" + now + ").");
    }
    if (closes.isAfter(now.plus(LONGEST))) {
      throw new InvalidExchangeException("A round closes within " + LONGEST.toDays() + " days; " + closes
          + " is later.");
    }
  }

  private static void consent(Parameters p) {
    if (!p.get(Parameter.CLEARING_ROUNDS).equals("join")) {
      throw new NotPermittedException("This collective's agreements do not let it join clearing rounds ("
          + Parameter.CLEARING_ROUNDS.name() + " is " + p.get(Parameter.CLEARING_ROUNDS) + ", from "
          + p.describeSource(Parameter.CLEARING_ROUNDS) + "): set clearing-rounds to join in an agreement first.");
    }
  }

  private void fresh(RoundId round, CollectiveId self) {
    if (round.coordinator().equals(self)) {
      throw new NotPermittedException("Round " + round + " is this collective's own: it coordinates it, and answers"
          + " nobody.");
    }
    ClearingRound r = rounds.get(round);
    if (r != null) {
      throw new ConflictException("Round " + round + " was answered already on this ledger (" + r.stage().name()
          .toLowerCase(java.util.Locale.ROOT) + ").");
    }
  }

  private static void invited(RoundId round, List<CollectiveId> invited, CollectiveId self) {
    if (!invited.contains(self)) {
      throw new NotPermittedException("Round " + round + " did not invite this collective.");
    }
  }

  private static void sameDebts(String what, List<Debt> stated, List<Debt> actual) {
    Comparator<Debt> order = Comparator.comparing((Debt d) -> d.creditor().value()).thenComparing(Debt::unit);
    List<Debt> a = new ArrayList<>(stated);
    List<Debt> b = new ArrayList<>(actual);
    a.sort(order);
    b.sort(order);
    if (!a.equals(b)) {
      throw new InvalidExchangeException("The debts " + what + " are not what the balances say now: they say " + b
          + ".");
    }
  }

  private ClearingRound round(RoundId id, Stage expected, String verb) {
    ClearingRound r = rounds.get(id);
    if (r == null) {
      throw new UnknownReferenceException("Round " + id + " is not on this ledger.");
    }
    if (r.stage() != expected) {
      throw new ConflictException("Round " + id + " is " + r.stage().name().toLowerCase(java.util.Locale.ROOT)
          + ", so it cannot be " + verb + " now.");
    }
    return r;
  }

  private static void open(Instant now, ClearingRound r) {
    if (!now.isBefore(r.closes())) {
      throw new ExpiredException("Round " + r.id() + " closed at " + r.closes() + "; it can only lapse now.");
    }
  }

  /**
   * Every leg belongs to the round, and the balances cover each partner's legs together with the
   * legs committed in other rounds not decided yet (reserved: they move the same balances when
   * those rounds complete).
   */
  private void within(TradeFold trade, RoundId round, List<Clearing.Leg> legs) {
    Map<String, BigDecimal> owedToUs = new HashMap<>();
    Map<String, BigDecimal> weOwe = new HashMap<>();
    for (ClearingRound other : rounds.values()) {
      if (other.stage() == Stage.COMMITTED && !other.id().equals(round)) {
        for (Clearing.Leg l : other.legs()) {
          owedToUs.merge(l.debtor() + " " + l.unit(), l.amount(), BigDecimal::add);
          weOwe.merge(l.creditor() + " " + l.unit(), l.amount(), BigDecimal::add);
        }
      }
    }
    for (Clearing.Leg l : legs) {
      if (!l.clearing().startsWith(round.clearingId() + "-")) {
        throw new InvalidExchangeException("Leg " + l.clearing() + " is not a cycle of round " + round + ".");
      }
      partner(trade, l.debtor());
      partner(trade, l.creditor());
      owedToUs.merge(l.debtor() + " " + l.unit(), l.amount(), BigDecimal::add);
      weOwe.merge(l.creditor() + " " + l.unit(), l.amount(), BigDecimal::add);
    }
    for (Clearing.Leg l : legs) {
      BigDecimal owes = trade.partners.get(l.debtor()).balance(l.unit());
      if (owes.compareTo(owedToUs.get(l.debtor() + " " + l.unit())) < 0) {
        throw new ConflictException(l.debtor() + " owes this collective " + owes.toPlainString() + " "
            + l.unit().symbol() + ", less than the round's legs and those committed in other open rounds would"
            + " take off.");
      }
      BigDecimal owed = trade.partners.get(l.creditor()).balance(l.unit()).negate();
      if (owed.compareTo(weOwe.get(l.creditor() + " " + l.unit())) < 0) {
        throw new ConflictException("This collective owes " + l.creditor() + " " + owed.toPlainString() + " "
            + l.unit().symbol() + ", less than the round's legs and those committed in other open rounds would"
            + " take off.");
      }
    }
  }

  @Override
  public void apply(Step s) {
    Event e = s.event();
    CollectiveId self = s.fold().id();
    if (e instanceof RoundProposed p) {
      RoundId id = RoundId.of(self, s.sequence());
      rounds.put(id, ClearingRound.proposed(id, p.invited(), p.closes(), s.sequence()));
    } else if (e instanceof RoundJoined j) {
      rounds.put(j.round(), ClearingRound.answered(j.round(), j.invited(), j.closes(), Stage.JOINED, j.owes(),
          s.sequence()));
    } else if (e instanceof RoundDeclined d) {
      rounds.put(d.round(), ClearingRound.answered(d.round(), List.of(), Instant.EPOCH, Stage.DECLINED, List.of(),
          s.sequence()));
    } else if (e instanceof RoundPrepared p) {
      RoundId id = RoundId.of(self, p.proposal());
      rounds.put(id, rounds.get(id).prepared(p, p.legsFor(self), s.sequence()));
      preparedAt.put(id, s.sequence());
    } else if (e instanceof RoundCommitted c) {
      rounds.put(c.round(), rounds.get(c.round()).committed(c.legs(), s.sequence()));
    } else if (e instanceof RoundCompleted c) {
      RoundId id = RoundId.of(self, c.proposal());
      ClearingRound r = rounds.get(id);
      if (r.stage() == Stage.COMMITTED) {
        r.legs().forEach(s.fold().trade::clear);
      }
      rounds.put(id, r.decided(Stage.COMPLETED, List.of(), s.sequence()));
    } else if (e instanceof RoundSettled st) {
      ClearingRound r = rounds.get(st.round());
      r.legs().forEach(s.fold().trade::clear);
      rounds.put(st.round(), r.decided(Stage.SETTLED, List.of(), s.sequence()));
    } else if (e instanceof RoundLapsed l) {
      rounds.put(l.round(), rounds.get(l.round()).decided(Stage.LAPSED, l.silent(), s.sequence()));
    }
  }
}
