package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Outcome;
import coop.lattice.agreement.Parameters;
import coop.lattice.agreement.ProposalKind;
import coop.lattice.agreement.Response;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.merkle.Hash;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A collective's explicit agreements, revisited: proposals, responses, decisions by the rule each
 * agreement names, acceptances, and the parameters the agreements in force set. Obtained from
 * {@link Collective#agreements()}.
 *
 * <p>A proposal is an entry; members respond (objections, concerns and advice with a reason) while
 * its window is open; once it closes, any member records the decision, whose outcome the rule gives
 * for the responses that stand. In an advice process the proposer decides, having heard the advice.
 * An agreement carries its review date: renewing it is a proposal too, and the {@linkplain
 * Collective#agenda() agenda} brings it up when it is due. A command that breaks a rule is refused
 * and changes nothing.
 *
 * <pre>{@code
 * long p = coop.agreements().propose(ana, terms, "pantry opening hours");
 * coop.agreements().respond(bo, p, Response.CONSENT, "");
 * coop.agreements().decide(ana, p, "adopted at the Thursday meeting");   // once the window closed
 * coop.agreements().accept(bo, terms.id());                            // a major version, accepted
 * }</pre>
 */
public final class Agreements {
  private final Collective collective;

  Agreements(Collective collective) {
    this.collective = collective;
  }

  /**
   * {@code by} proposes a new agreement. It is decided by the rule its terms name.
   *
   * @return the proposal's reference: the index of its entry
   */
  public long propose(MemberId by, AgreementTerms terms, String note) {
    return collective.submit(by, new Event.ProposalMade(ProposalKind.ADOPT, terms, null, false, note, List.of()))
        .sequence();
  }

  /**
   * {@code by} proposes to amend the agreement whose current version has hash {@code amends}. It
   * is decided by that version's rule. A {@code major} amendment asks every member to accept the
   * new version once adopted.
   */
  public long proposeAmendment(MemberId by, Hash amends, AgreementTerms terms, boolean major, String note) {
    return collective.submit(by, new Event.ProposalMade(ProposalKind.AMEND, terms, amends, major, note, List.of()))
        .sequence();
  }

  /** {@code by} proposes to renew the current version of {@code agreement} as it is, until {@code reviewOn}. */
  public long proposeRenewal(MemberId by, AgreementId agreement, LocalDate reviewOn, String note) {
    AgreementRecord current = agreement(agreement).orElseThrow(() -> new UnknownReferenceException(
        "There is no agreement \"" + agreement + "\" to renew."));
    return collective.submit(by, new Event.ProposalMade(ProposalKind.RENEW,
        current.terms().toBuilder().reviewOn(reviewOn).build(), current.hash(), false, note, List.of())).sequence();
  }

  /** Submits any proposal, for example an advice process naming the members it affects. */
  public long propose(MemberId by, Event.ProposalMade proposal) {
    return collective.submit(by, proposal).sequence();
  }

  /** The proposer revises an open proposal; earlier responses are answered and its window starts again. */
  public Entry revise(MemberId by, long proposal, AgreementTerms terms, String note) {
    return collective.submit(by, new Event.ProposalRevised(proposal, terms, note));
  }

  /** {@code by} responds to a proposal; objections, concerns and advice need a reason. */
  public Entry respond(MemberId by, long proposal, Response response, String reason) {
    return collective.submit(by, new Event.ResponseGiven(proposal, response, reason));
  }

  /** {@code by} withdraws their objection; the trail keeps it, marked withdrawn. */
  public Entry withdrawObjection(MemberId by, long proposal) {
    return collective.submit(by, new Event.ObjectionWithdrawn(proposal));
  }

  /**
   * Records the decision on a proposal whose window has closed, with the outcome its rule gives
   * for the responses that stand. For an advice process, use {@link #decideAdvice}.
   */
  public Entry decide(MemberId by, long proposal, String note) {
    // Under the collective's lock: the outcome is computed from the state the command is checked against.
    return collective.read(f -> {
      Proposal p = f.governance.proposals.get(proposal);
      if (p != null && p.rule.kind() == DecisionRule.Kind.ADVICE) {
        throw new NotPermittedException("Proposal " + proposal + " is an advice process: its proposer"
            + " decides with decideAdvice, having heard the advice.");
      }
      Outcome outcome = p == null ? Outcome.NOT_ADOPTED : f.governance.computedOutcome(p, f.membership.members, false);
      return collective.submit(by, new Event.ProposalDecided(proposal, outcome, note));
    });
  }

  /** In an advice process the proposer decides, having heard the advice. */
  public Entry decideAdvice(MemberId proposer, long proposal, boolean adopt, String note) {
    return collective.submit(proposer,
        new Event.ProposalDecided(proposal, adopt ? Outcome.ADOPTED : Outcome.NOT_ADOPTED, note));
  }

  /** The proposer withdraws an open proposal. */
  public Entry withdraw(MemberId proposer, long proposal, String note) {
    return collective.submit(proposer, new Event.ProposalDecided(proposal, Outcome.WITHDRAWN, note));
  }

  /** {@code by} accepts the current version of {@code agreement}. */
  public Entry accept(MemberId by, AgreementId agreement) {
    long version = agreement(agreement).map(AgreementRecord::version).orElse(0L);
    return collective.submit(by, new Event.AgreementAccepted(agreement, version));
  }

  /** The current version of {@code id}, in force or not. */
  public Optional<AgreementRecord> agreement(AgreementId id) {
    return collective.read(f -> Optional.ofNullable(f.governance.current(id)));
  }

  /** Every version of {@code id}, oldest first. */
  public List<AgreementRecord> history(AgreementId id) {
    return collective.read(f -> List.copyOf(f.governance.agreements.getOrDefault(id, List.of())));
  }

  /** The current version of every agreement ever adopted, by id. */
  public List<AgreementRecord> all() {
    return collective.read(f -> f.governance.agreements.values().stream().map(v -> v.get(v.size() - 1)).toList());
  }

  /** The parameters in force now, on the collective's clock: each as an agreement in force sets it, or its default. */
  public Parameters parameters() {
    return parameters(collective.now());
  }

  /** The parameters in force at {@code at}. */
  public Parameters parameters(Instant at) {
    return collective.read(f -> f.governance.parameters(at));
  }

  /** The proposal recorded at entry {@code entry}, with its responses and, once decided, its decision. */
  public Optional<ProposalRecord> proposal(long entry) {
    return collective.read(f -> Optional.ofNullable(f.governance.proposals.get(entry)).map(Proposal::record));
  }

  /** Proposals still open, oldest first. */
  public List<ProposalRecord> openProposals() {
    return collective.read(f -> f.governance.proposals.values().stream().filter(p -> p.decision == null)
        .map(Proposal::record).toList());
  }

  /** Every decision, oldest first: criteria, responses, outcome and note. */
  public List<DecisionRecord> decisions() {
    return collective.read(f -> f.governance.proposals.values().stream().map(p -> p.decision)
        .filter(Objects::nonNull).sorted(Comparator.comparingLong(DecisionRecord::entry)).toList());
  }

  /** Members who still have to accept the current version of {@code agreement}, in order of their ids. */
  public List<MemberId> awaitingAcceptance(AgreementId agreement) {
    return collective.read(f -> {
      AgreementRecord current = f.governance.current(agreement);
      if (current == null) {
        return List.<MemberId>of();
      }
      return f.membership.members.values().stream().filter(m -> f.governance.awaitsAcceptance(current, m))
          .map(Member::id).sorted().toList();
    });
  }
}
