package coop.lattice.collective;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidExchangeException;
import coop.lattice.InvalidQuantityException;
import coop.lattice.LimitExceededException;
import coop.lattice.MemberId;
import coop.lattice.NoPartnershipException;
import coop.lattice.NotPermittedException;
import coop.lattice.Unit;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.AgreementId;
import coop.lattice.exchange.Clearing;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.Debt;
import coop.lattice.exchange.Side;
import coop.lattice.exchange.TradeId;
import coop.lattice.ledger.Event;
import coop.lattice.metrics.Need;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Trade with partner collectives: partnerships with credit lines, the offer, accept, fulfil,
 * acknowledge flow, cleared cycles of debt, and the redundancy map. Credit lines are enforced
 * when a trade is accepted, counting every trade already committed, so that an acknowledgement
 * never takes a balance past its line. Not thread-safe.
 */
final class TradeFold implements SubFold {
  /** A partnership's mutable state; {@link #record()} is the public view. */
  static final class Line {
    final CollectiveId partner;
    AgreementId agreement;
    Map<Unit, CreditLine> lines;
    final Map<Unit, BigDecimal> balance = new EnumMap<>(Unit.class);
    final Map<Unit, BigDecimal> toDeliver = new EnumMap<>(Unit.class);
    final Map<Unit, BigDecimal> toReceive = new EnumMap<>(Unit.class);

    Line(CollectiveId partner, AgreementId agreement, Map<Unit, CreditLine> lines) {
      this.partner = partner;
      this.agreement = agreement;
      this.lines = lines;
    }

    BigDecimal balance(Unit u) {
      return balance.getOrDefault(u, BigDecimal.ZERO);
    }

    Partnership record() {
      return new Partnership(partner, agreement, lines, balance, toDeliver, toReceive);
    }
  }

  final Map<CollectiveId, Line> partners = new TreeMap<>(Comparator.comparing(CollectiveId::value));
  final Map<Long, TradeRecord> trades = new LinkedHashMap<>();
  /** Each trade's identity on both ledgers -> its entry here. */
  final Map<TradeId, Long> ids = new HashMap<>();
  final Set<String> clearings = new HashSet<>();
  final Map<Need, List<CollectiveId>> coverage = new TreeMap<>();
  /** partner -> the member appointed to record its steps, and until when. */
  final Map<CollectiveId, Event.RelayAppointed> relays = new TreeMap<>(Comparator.comparing(CollectiveId::value));

  @Override
  public boolean handles(Event e) {
    return e instanceof Event.PartnershipAgreed || e instanceof Event.RelayAppointed || e instanceof Event.TradeOffered
        || e instanceof Event.TradeAccepted || e instanceof Event.TradeFulfilled || e instanceof Event.TradeAcknowledged
        || e instanceof Event.CycleCleared || e instanceof Event.CoverageDeclared;
  }

  @Override
  public void check(Step s) {
    MemberId author = s.author();
    Event event = s.event();
    Instant now = s.time();
    Fold fold = s.fold();
    fold.membership.activeMember(author, "take part in trade between collectives");
    if (event instanceof Event.PartnershipAgreed a) {
      if (a.partner().equals(fold.id())) {
        throw new NotPermittedException("A collective cannot trade with itself.");
      }
      if (fold.governance.inForce(a.agreement(), now) == null) {
        throw new NotPermittedException("Agreement \"" + a.agreement() + "\" is not in force, so no exchange with "
            + a.partner() + " can run under it: adopt or renew it first.");
      }
      Set<Unit> units = new HashSet<>();
      for (CreditLine l : a.lines()) {
        if (!units.add(l.unit())) {
          throw new InvalidExchangeException("Two credit lines in " + l.unit().symbol() + "; give one per unit.");
        }
      }
      Line existing = partners.get(a.partner());
      if (existing != null) {
        for (Map.Entry<Unit, BigDecimal> b : existing.balance.entrySet()) {
          if (b.getValue().signum() != 0) {
            CreditLine l = a.lines().stream().filter(x -> x.unit() == b.getKey()).findFirst().orElse(null);
            if (l == null || b.getValue().compareTo(l.partnerMayOwe()) > 0
                || b.getValue().negate().compareTo(l.weMayOwe()) > 0) {
              throw new LimitExceededException("The balance with " + a.partner() + " stands at " + signed(b.getValue(),
                  b.getKey()) + ", outside the new line: settle or clear it first.");
            }
          }
        }
      }
    } else if (event instanceof Event.RelayAppointed r) {
      partnership(r.partner());
      fold.membership.activeMember(r.relay(), "relay a partner's steps");
      if (!r.until().isAfter(now)) {
        throw new ExpiredException("An appointment until " + r.until() + " has already run out; give a later date.");
      }
    } else if (event instanceof Event.TradeOffered o) {
      Line line = partnership(o.partner());
      relayed(author, o.offeredBy(), o.partner(), now);
      identity(o);
      creditLine(line, o.quantity().unit());
      if (!o.expires().isAfter(now)) {
        throw new ExpiredException("The offer would expire at " + o.expires() + ", which is not after now (" + now
            + ").");
      }
    } else if (event instanceof Event.TradeAccepted a) {
      TradeRecord t = trade(a.offer(), TradeRecord.Stage.OFFERED, "accepted");
      relayed(author, a.by(), t.partner(), now);
      if (a.by() != t.offeredBy().other()) {
        throw new NotPermittedException("Trade " + t.entry() + " was offered by " + side(t.offeredBy(), t.partner())
            + "; only the other side accepts it.");
      }
      if (!now.isBefore(t.expires())) {
        throw new ExpiredException("The offer at entry " + t.entry() + " expired at " + t.expires()
            + "; it can no longer be accepted. Ask for a new offer.");
      }
      Line line = partnership(t.partner());
      CreditLine l = creditLine(line, t.quantity().unit());
      Unit u = t.quantity().unit();
      BigDecimal amount = t.quantity().amount();
      if (t.gives() == Side.US) {
        BigDecimal exposure = line.balance(u).add(line.toDeliver.getOrDefault(u, BigDecimal.ZERO)).add(amount);
        if (exposure.compareTo(l.partnerMayOwe()) > 0) {
          throw new LimitExceededException(t.partner() + " would owe " + exposure.toPlainString() + " " + u.symbol()
              + " once this and the trades already accepted are delivered, over the credit line of "
              + l.partnerMayOwe().toPlainString() + " " + u.symbol() + " (agreement \"" + line.agreement + "\").");
        }
      } else {
        BigDecimal exposure = line.balance(u).subtract(line.toReceive.getOrDefault(u, BigDecimal.ZERO)).subtract(amount).negate();
        if (exposure.compareTo(l.weMayOwe()) > 0) {
          throw new LimitExceededException("This collective would owe " + t.partner() + " " + exposure.toPlainString()
              + " " + u.symbol() + " once this and the trades already accepted are delivered, over the credit line of "
              + l.weMayOwe().toPlainString() + " " + u.symbol() + " (agreement \"" + line.agreement + "\").");
        }
      }
    } else if (event instanceof Event.TradeFulfilled f) {
      TradeRecord t = trade(f.offer(), TradeRecord.Stage.ACCEPTED, "fulfilled");
      relayed(author, f.by(), t.partner(), now);
      if (f.by() != t.gives()) {
        throw new NotPermittedException("Only the giving side, " + side(t.gives(), t.partner()) + ", says trade "
            + t.entry() + " was delivered.");
      }
    } else if (event instanceof Event.TradeAcknowledged a) {
      TradeRecord t = trade(a.offer(), TradeRecord.Stage.FULFILLED, "acknowledged");
      relayed(author, a.by(), t.partner(), now);
      if (a.by() != t.gives().other()) {
        throw new NotPermittedException("Only the receiving side, " + side(t.gives().other(), t.partner())
            + ", acknowledges trade " + t.entry() + ".");
      }
    } else if (event instanceof Event.CycleCleared c) {
      if (clearings.contains(c.clearing())) {
        throw new ConflictException("Clearing " + c.clearing() + " is already on this ledger.");
      }
      if (c.debtor().equals(c.creditor())) {
        throw new InvalidExchangeException("A cycle passes through two different partners; debts both ways with "
            + c.debtor() + " are already netted in one balance.");
      }
      if (c.amount().signum() <= 0 || c.amount().stripTrailingZeros().scale() > 3) {
        throw new InvalidQuantityException("A clearing moves more than zero, with at most three decimal places; got "
            + c.amount().toPlainString() + ".");
      }
      Line owesUs = partnership(c.debtor());
      Line weOwe = partnership(c.creditor());
      creditLine(owesUs, c.unit());
      creditLine(weOwe, c.unit());
      if (owesUs.balance(c.unit()).compareTo(c.amount()) < 0) {
        throw new ConflictException(c.debtor() + " owes this collective " + signed(owesUs.balance(c.unit()),
            c.unit()) + ", less than the " + c.amount().toPlainString() + " the clearing would take off.");
      }
      if (weOwe.balance(c.unit()).negate().compareTo(c.amount()) < 0) {
        throw new ConflictException("This collective owes " + c.creditor() + " "
            + signed(weOwe.balance(c.unit()).negate(), c.unit()) + ", less than the " + c.amount().toPlainString()
            + " the clearing would take off.");
      }
    } else if (event instanceof Event.CoverageDeclared d) {
      for (CollectiveId p : d.partners()) {
        partnership(p);
      }
      if (new HashSet<>(d.partners()).size() != d.partners().size()) {
        throw new InvalidExchangeException("A partner is named twice for " + d.need() + ".");
      }
    }
  }

  /** A step the partner took is recorded only by the member appointed to relay that partner's steps. */
  private void relayed(MemberId author, Side by, CollectiveId partner, Instant now) {
    if (by != Side.PARTNER) {
      return;
    }
    relayOf(author, partner, now);
  }

  /** {@code author} is the member appointed, at {@code now}, to record {@code partner}'s steps here. */
  void relayOf(MemberId author, CollectiveId partner, Instant now) {
    Event.RelayAppointed r = relays.get(partner);
    if (r == null || !r.relay().equals(author)) {
      throw new NotPermittedException("Steps taken by " + partner + " are recorded only by the member appointed to relay"
          + " them" + (r == null ? " (none is: appoint one)" : " (" + r.relay() + "), not by " + author) + ".");
    }
    if (!now.isBefore(r.until())) {
      throw new ExpiredException("The appointment of " + r.relay() + " to relay " + partner + "'s steps ran out at "
          + r.until() + "; appoint again.");
    }
  }

  /**
   * A partner's offer carries its identity on the partner's ledger, once; an offer this collective
   * makes is known by its own entry, and carries none.
   */
  private void identity(Event.TradeOffered o) {
    TradeId id = o.trade();
    if (id == null) {
      return;
    }
    if (o.offeredBy() != Side.PARTNER) {
      throw new InvalidExchangeException("An offer this collective makes is known by its own entry; only an offer "
          + "the partner made carries the partner's identity for it (" + id + ").");
    }
    if (!id.collective().equals(o.partner())) {
      throw new InvalidExchangeException("The offer is recorded as " + o.partner() + "'s, but its identity " + id
          + " names the ledger of " + id.collective() + ".");
    }
    Long known = ids.get(id);
    if (known != null) {
      throw new ConflictException("Trade " + id + " is already on this ledger, offered at entry " + known
          + "; an offer is recorded once.");
    }
  }

  private static String side(Side s, CollectiveId partner) {
    return s == Side.US ? "this collective" : partner.value();
  }

  private static String signed(BigDecimal b, Unit u) {
    return b.toPlainString() + " " + u.symbol();
  }

  private Line partnership(CollectiveId partner) {
    Line l = partners.get(partner);
    if (l == null) {
      throw new NoPartnershipException("There is no exchange agreement with " + partner + ": agree a partnership"
          + " with credit lines first.");
    }
    return l;
  }

  private static CreditLine creditLine(Line line, Unit unit) {
    CreditLine l = line.lines.get(unit);
    if (l == null) {
      throw new InvalidQuantityException("The exchange with " + line.partner + " (agreement \"" + line.agreement
          + "\") has no credit line in " + unit.symbol() + "; it trades in " + line.lines.keySet().stream()
              .map(Unit::symbol).sorted().toList() + ".");
    }
    return l;
  }

  private TradeRecord trade(long ref, TradeRecord.Stage expected, String verb) {
    TradeRecord t = trades.get(ref);
    if (t == null) {
      throw new UnknownReferenceException("There is no trade offered at entry " + ref + ".");
    }
    if (t.stage() != expected) {
      throw new ConflictException("Trade " + ref + " is " + t.stage().name().toLowerCase(Locale.ROOT) + ", so it cannot"
          + " be " + verb + " now.");
    }
    return t;
  }

  @Override
  public void apply(Step e) {
    Event event = e.event();
    if (event instanceof Event.PartnershipAgreed a) {
      Map<Unit, CreditLine> lines = new EnumMap<>(Unit.class);
      a.lines().forEach(l -> lines.put(l.unit(), l));
      Line line = partners.get(a.partner());
      if (line == null) {
        partners.put(a.partner(), new Line(a.partner(), a.agreement(), lines));
      } else {
        line.agreement = a.agreement();
        line.lines = lines;
      }
    } else if (event instanceof Event.RelayAppointed r) {
      relays.put(r.partner(), r);
    } else if (event instanceof Event.TradeOffered o) {
      TradeId id = o.trade() != null ? o.trade()
          : o.offeredBy() == Side.US ? TradeId.of(e.fold().id(), e.sequence()) : null;
      if (id != null) {
        ids.put(id, e.sequence());
      }
      trades.put(e.sequence(), new TradeRecord(e.sequence(), id, o.partner(), o.offeredBy(), o.gives(), o.quantity(),
          o.what(), o.expires(), TradeRecord.Stage.OFFERED));
    } else if (event instanceof Event.TradeAccepted a) {
      TradeRecord t = trades.get(a.offer());
      trades.put(t.entry(), t.at(TradeRecord.Stage.ACCEPTED));
      Line line = partners.get(t.partner());
      (t.gives() == Side.US ? line.toDeliver : line.toReceive).merge(t.quantity().unit(), t.quantity().amount(),
          BigDecimal::add);
    } else if (event instanceof Event.TradeFulfilled f) {
      trades.computeIfPresent(f.offer(), (k, t) -> t.at(TradeRecord.Stage.FULFILLED));
    } else if (event instanceof Event.TradeAcknowledged a) {
      TradeRecord t = trades.get(a.offer());
      trades.put(t.entry(), t.at(TradeRecord.Stage.ACKNOWLEDGED));
      Line line = partners.get(t.partner());
      Unit u = t.quantity().unit();
      (t.gives() == Side.US ? line.toDeliver : line.toReceive).merge(u, t.quantity().amount().negate(),
          BigDecimal::add);
      line.balance.merge(u, signedAmount(t), BigDecimal::add);
    } else if (event instanceof Event.CycleCleared c) {
      clearings.add(c.clearing());
      partners.get(c.debtor()).balance.merge(c.unit(), c.amount().negate(), BigDecimal::add);
      partners.get(c.creditor()).balance.merge(c.unit(), c.amount(), BigDecimal::add);
    } else if (event instanceof Event.CoverageDeclared d) {
      coverage.put(Need.of(d.need()), d.partners());
    }
  }

  /** What the trade adds to the balance once acknowledged: positive when this collective gives. */
  private static BigDecimal signedAmount(TradeRecord t) {
    return t.gives() == Side.US ? t.quantity().amount() : t.quantity().amount().negate();
  }

  /** What {@code self} owes each of {@code among} now, per unit, as {@link coop.lattice.exchange.Clearing} takes it. */
  List<Debt> debtsTo(CollectiveId self, Set<CollectiveId> among) {
    List<Debt> out = new ArrayList<>();
    for (Line l : partners.values()) {
      if (among.contains(l.partner)) {
        l.balance.forEach((u, b) -> {
          if (b.signum() < 0) {
            out.add(new Debt(self, l.partner, u, b.negate()));
          }
        });
      }
    }
    return out;
  }

  /** A leg of a cleared cycle takes effect: its debtor owes this collective less, and it owes its creditor less. */
  void clear(Clearing.Leg leg) {
    partners.get(leg.debtor()).balance.merge(leg.unit(), leg.amount().negate(), BigDecimal::add);
    partners.get(leg.creditor()).balance.merge(leg.unit(), leg.amount(), BigDecimal::add);
  }

  Map<CollectiveId, Partnership> snapshot() {
    Map<CollectiveId, Partnership> out = new LinkedHashMap<>();
    partners.forEach((k, l) -> out.put(k, l.record()));
    return out;
  }
}
