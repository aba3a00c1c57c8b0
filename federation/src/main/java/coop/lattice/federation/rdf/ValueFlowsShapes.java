package coop.lattice.federation.rdf;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.agreement.Outcome;
import coop.lattice.exchange.Side;
import coop.lattice.exchange.TradeId;
import coop.lattice.federation.rdf.VfNode.Term;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.privacy.Pseudonyms;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The ValueFlows shape of a ledger entry, as the open ledger holds it (members as handles and tags),
 * following {@code docs/exchanges.md}:
 *
 * <ul>
 *   <li>an acknowledged contribution ({@code ContributionAcknowledged}, with the contribution it
 *       acknowledges): a {@code vf:EconomicEvent}, {@code work} with an effort in hours, else a
 *       {@code transfer} of a resource quantity (kilograms, items), conforming to its kind;
 *   <li>an offer between collectives ({@code TradeOffered}): a {@code vf:Proposal} that publishes a
 *       {@code vf:Intent}; its acceptance ({@code TradeAccepted}): a {@code vf:Commitment} that
 *       satisfies the Intent; its delivery ({@code TradeFulfilled}): a {@code vf:EconomicEvent} that
 *       fulfills the Commitment, with the trade's identity;
 *   <li>an adopted agreement ({@code ProposalDecided} adopting a proposal): a {@code vf:Agreement}
 *       for that version ({@code <actor>/agreements/<id>/<decision>}), with the agreement it is a
 *       version of, when it was decided, its title, text and review date;
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
    if (e.event() instanceof Event.ContributionAcknowledged a
        && earlier.apply(a.contribution()).event() instanceof Event.ContributionRecorded r) {
      Contribution c = r.contribution();
      Entry recorded = earlier.apply(a.contribution());
      VfNode event = new VfNode(actor + "/entries/" + a.contribution() + "#event", "EconomicEvent")
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
    if (e.event() instanceof Event.CoverageDeclared c) {
      VfNode coverage = new VfNode(actor + "/coverage/" + c.need() + "/" + e.sequence(), "Coverage")
          .with(Term.need, c.need()).with(Term.decided, e.time());
      c.partners().forEach(p -> coverage.with(Term.coveredBy, collective(p)));
      return Optional.of(coverage);
    }
    return Optional.empty();
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
