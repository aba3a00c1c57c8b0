package coop.lattice.federation.rdf;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.agreement.Outcome;
import coop.lattice.circle.CircleOutcome;
import coop.lattice.exchange.Side;
import coop.lattice.exchange.TradeId;
import coop.lattice.federation.rdf.VfNode.Term;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.privacy.Pseudonyms;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The ValueFlows shape of a ledger entry, as the open ledger holds it (members as handles and tags),
 * following {@code docs/exchanges.md}:
 *
 * <ul>
 *   <li>an acknowledged contribution ({@code ContributionAcknowledged}, with the contribution it
 *       acknowledges, recorded or corrected): a {@code vf:EconomicEvent}, {@code work} with an effort
 *       in hours, else a {@code transfer} of a resource quantity (kilograms, items), conforming to its
 *       kind; a correction ({@code ContributionCorrected}): a {@code lattice:Correction} that
 *       withdraws the event of the contribution it corrects (which counts no longer, if it did);
 *   <li>an offer between collectives ({@code TradeOffered}): a {@code vf:Proposal} that publishes a
 *       {@code vf:Intent}; its acceptance ({@code TradeAccepted}): a {@code vf:Commitment} that
 *       satisfies the Intent; its delivery ({@code TradeFulfilled}): a {@code vf:EconomicEvent} that
 *       fulfills the Commitment, with the trade's identity, and its acknowledgement ({@code
 *       TradeAcknowledged}) says when the receiving side took it ({@code lattice:acknowledged});
 *   <li>an adopted agreement ({@code ProposalDecided} adopting a proposal): a {@code vf:Agreement}
 *       for that version ({@code <actor>/agreements/<id>/<decision>}), with the agreement it is a
 *       version of, when it was decided, its title, text and review date;
 *   <li>an exchange inside the collective, once settled (a time-bank transfer confirmed, a posting
 *       confirmed, a tool lent, an aid claim paid, disputes a circle resolved): a {@code
 *       vf:EconomicEvent} of the need it met, as the sovereignty metrics count it;
 *   <li>a declaration of which partners could cover a critical need ({@code CoverageDeclared}): a
 *       {@code lattice:Coverage} of that need, naming them, which replaces the earlier one (by when).
 * </ul>
 *
 * Every other entry has no shape (its canonical bytes still go out). Agents are IRIs that name
 * collectives by id ({@code urn:lattice:collective:<id>}) and members by their handle in their
 * collective, the same on every node; a member who appears only in aggregates (a tag, different in
 * every entry) is never an agent: the collective is, so nobody appears individually who chose not
 * to. The shapes' own IRIs are the entry's ({@code <actor>/entries/<sequence>}) with a fragment.
 */
public final class ValueFlowsShapes {
  private static final String KINDS = "https://lattice.coop/ns/kinds#";

  private ValueFlowsShapes() {}

  /**
   * The shape of {@code e}, an entry of the ledger published by {@code actor}; {@code earlier}
   * gives an earlier entry of the same ledger (the contribution an acknowledgement names, the offer
   * a trade step names, the proposal a decision names).
   */
  public static Optional<VfNode> of(Entry e, String actor, LongFunction<Entry> earlier) {
    CollectiveId us = e.collective();
    String self = actor + "/entries/" + e.sequence();
    if (e.event() instanceof Event.ContributionCorrected k) { // the event it corrects, if acknowledged, no longer counts
      return Optional.of(new VfNode(self + "#correction", "Correction")
          .with(Term.withdraws, actor + "/entries/" + k.corrects() + "#event"));
    }
    Entry recorded = e.event() instanceof Event.ContributionAcknowledged a ? earlier.apply(a.contribution()) : null;
    Contribution given = recorded == null ? null : recorded.event() instanceof Event.ContributionRecorded r ? r.contribution()
        : recorded.event() instanceof Event.ContributionCorrected k ? k.contribution() : null;
    if (given != null) {
      Contribution c = given;
      VfNode event = new VfNode(actor + "/entries/" + recorded.sequence() + "#event", "EconomicEvent")
          .with(Term.action, c.quantity().unit() == Unit.HOURS ? "vf:work" : "vf:transfer")
          .with(Term.provider, agent(us, c.giver()))
          .with(Term.receiver, c.receiver() == null ? collective(us) : agent(us, c.receiver()))
          .with(Term.resourceConformsTo, KINDS + c.kind().value())
          .with(c.quantity().unit() == Unit.HOURS ? Term.effortQuantity : Term.resourceQuantity, measure(c.quantity()))
          .with(Term.hasPointInTime, recorded.time());
      return Optional.of(event);
    }
    if (e.event() instanceof Event.TradeOffered o) {
      VfNode intent = new VfNode(self + "#intent", "Intent")
          .with(Term.action, action(o.quantity()))
          .with(Term.provider, collective(o.gives() == Side.US ? us : o.partner()))
          .with(Term.receiver, collective(o.gives() == Side.US ? o.partner() : us))
          .with(Term.resourceQuantity, measure(o.quantity()))
          .with(Term.note, o.what())
          .with(Term.due, o.expires());
      return Optional.of(new VfNode(self + "#proposal", "Proposal").with(Term.purpose, "offer").with(Term.publishes,
          intent));
    }
    if (e.event() instanceof Event.TradeAccepted t && earlier.apply(t.offer()).event() instanceof Event.TradeOffered o) {
      String offer = actor + "/entries/" + t.offer();
      return Optional.of(flow(new VfNode(offer + "#commitment", "Commitment"), us, o)
          .with(Term.satisfies, offer + "#intent").with(Term.trade, tradeId(us, t.offer(), o).toString()));
    }
    if (e.event() instanceof Event.TradeFulfilled t && earlier.apply(t.offer()).event() instanceof Event.TradeOffered o) {
      String offer = actor + "/entries/" + t.offer();
      return Optional.of(flow(new VfNode(offer + "#event", "EconomicEvent"), us, o)
          .with(Term.fulfills, offer + "#commitment").with(Term.hasPointInTime, e.time())
          .with(Term.trade, tradeId(us, t.offer(), o).toString()));
    }
    if (e.event() instanceof Event.TradeAcknowledged t && earlier.apply(t.offer()).event() instanceof Event.TradeOffered) {
      // The receiving side says it arrived: only now does the balance move.
      return Optional.of(new VfNode(actor + "/entries/" + t.offer() + "#event", "EconomicEvent")
          .with(Term.acknowledged, e.time()));
    }
    if (e.event() instanceof Event.ProposalDecided d && d.outcome() == Outcome.ADOPTED
        && earlier.apply(d.proposal()).event() instanceof Event.ProposalMade p) {
      String agreement = actor + "/agreements/" + p.terms().id().value();
      return Optional.of(new VfNode(agreement + "/" + e.sequence(), "Agreement")
          .with(Term.agreement, agreement)
          .with(Term.decided, e.time())
          .with(Term.name, p.terms().title())
          .with(Term.note, p.terms().text())
          .with(Term.reviewOn, p.terms().reviewOn()));
    }
    Optional<VfNode> settled = settled(e, actor, self, earlier);
    if (settled.isPresent()) {
      return settled;
    }
    if (e.event() instanceof Event.CoverageDeclared c) {
      VfNode coverage = new VfNode(actor + "/coverage/" + c.need() + "/" + e.sequence(), "Coverage")
          .with(Term.need, c.need()).with(Term.decided, e.time());
      c.partners().forEach(p -> coverage.with(Term.coveredBy, collective(p)));
      return Optional.of(coverage);
    }
    return Optional.empty();
  }

  /**
   * An exchange inside the collective, settled by {@code e}: a time-bank transfer confirmed (hours of
   * mutual help), a posting confirmed (the need its kind meets), a tool lent (one item of tools), an
   * aid claim paid (mutual aid), a circle meeting's disputes resolved internally (items of dispute
   * resolution), each an economic event of the month it was settled in, as the sovereignty metrics
   * count them. The people involved are the collective here: an aid claimant is sealed, and who gave
   * in a posting is not on its confirmation.
   */
  private static Optional<VfNode> settled(Entry e, String actor, String self, LongFunction<Entry> earlier) {
    CollectiveId us = e.collective();
    Event ev = e.event();
    if (ev instanceof Event.HoursConfirmed c && earlier.apply(c.transfer()).event() instanceof Event.HoursRecorded r) {
      return Optional.of(exchange(self, "mutual-help", r.hours(), e.time(), agent(us, r.provider()), agent(us,
          r.receiver())));
    }
    if (ev instanceof Event.PostingConfirmed c && earlier.apply(c.posting()).event() instanceof Event.NeedPosted n) {
      return Optional.of(exchange(self, n.posting().kind().value(), n.posting().quantity(), e.time(), collective(us),
          collective(us)));
    }
    if (ev instanceof Event.ItemLent l) {
      return Optional.of(exchange(self, "tools", Quantity.items(1), e.time(), collective(us), agent(us, l.borrower())));
    }
    if (ev instanceof Event.AidPaid p && earlier.apply(p.claim()).event() instanceof Event.AidClaimed a) {
      return Optional.of(exchange(self, "mutual-aid", a.quantity(), e.time(), collective(us), collective(us)));
    }
    if (ev instanceof Event.CircleMeetingHeld m) {
      long resolved = m.outcomes().stream().filter(o -> o.kind() == CircleOutcome.Kind.RESOLVED_INTERNALLY).count();
      if (resolved > 0) {
        return Optional.of(exchange(self, "dispute-resolution", Quantity.items(resolved),
            m.date().atStartOfDay(ZoneOffset.UTC).toInstant(), collective(us), collective(us)));
      }
    }
    return Optional.empty();
  }

  private static VfNode exchange(String self, String need, Quantity q, Instant when, String provider, String receiver) {
    return new VfNode(self + "#event", "EconomicEvent")
        .with(Term.action, q.unit() == Unit.HOURS ? "vf:deliverService" : "vf:transfer")
        .with(Term.provider, provider).with(Term.receiver, receiver)
        .with(Term.resourceConformsTo, KINDS + need)
        .with(q.unit() == Unit.HOURS ? Term.effortQuantity : Term.resourceQuantity, measure(q))
        .with(Term.hasPointInTime, when);
  }

  /** A trade's flow from its giving collective to the other, with its action and quantity. */
  private static VfNode flow(VfNode n, CollectiveId us, Event.TradeOffered o) {
    return n.with(Term.action, action(o.quantity()))
        .with(Term.provider, collective(o.gives() == Side.US ? us : o.partner()))
        .with(Term.receiver, collective(o.gives() == Side.US ? o.partner() : us))
        .with(Term.resourceQuantity, measure(o.quantity()));
  }

  /** The trade's one identity on both ledgers: the partner's, if it offered, else this entry's. */
  private static TradeId tradeId(CollectiveId us, long offer, Event.TradeOffered o) {
    return o.trade() != null ? o.trade() : TradeId.of(us, offer);
  }

  private static String action(Quantity q) {
    return q.unit() == Unit.HOURS ? "vf:deliverService" : "vf:transfer";
  }

  private static VfNode measure(Quantity q) {
    String unit = switch (q.unit()) {
      case HOURS -> "om2:hour";
      case KILOGRAMS -> "om2:kilogram";
      case ITEMS -> "om2:one";
    };
    return new VfNode(null, "Measure").with(Term.hasNumericalValue, q.amount()).with(Term.hasUnit, unit);
  }

  /** The IRI of the collective {@code id} as an agent. */
  public static String collective(CollectiveId id) {
    return "urn:lattice:collective:" + id.value();
  }

  /** A member as an agent: by their handle in {@code us}; one who appears only in aggregates, as the collective. */
  static String agent(CollectiveId us, MemberId member) {
    return Pseudonyms.isHandle(member) ? collective(us) + ":member:" + member.value() : collective(us);
  }
}
