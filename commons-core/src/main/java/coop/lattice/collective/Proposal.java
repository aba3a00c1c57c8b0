package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.ProposalKind;
import coop.lattice.agreement.Response;
import coop.lattice.ledger.Event;
import coop.lattice.merkle.Hash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The mutable state of one proposal as {@link Governance} folds it: its terms, the responses that
 * stand and the trail of every response; {@link #record()} gives the public view.
 */
final class Proposal {
  final long entry;
  final MemberId proposer;
  final ProposalKind kind;
  final @Nullable Hash amends;
  final boolean major;
  final String note;
  final List<MemberId> affected;
  final DecisionRule rule;
  AgreementTerms terms;
  int revision;
  Instant opened;
  final Map<MemberId, Response> standing = new HashMap<>();
  final Map<MemberId, Integer> standingAt = new HashMap<>(); // index into trail
  final List<ResponseRecord> trail = new ArrayList<>();
  @Nullable DecisionRecord decision;

  Proposal(Step e, Event.ProposalMade p, DecisionRule rule) {
    this.entry = e.sequence();
    this.proposer = e.author();
    this.kind = p.kind();
    this.amends = p.amends();
    this.major = p.major();
    this.note = p.note();
    this.affected = p.affected();
    this.rule = rule;
    this.terms = p.terms();
    this.opened = e.time();
  }

  Instant closes() {
    return opened.plus(rule.window());
  }

  ProposalRecord record() {
    return new ProposalRecord(entry, proposer, kind, terms, amends, major, note, affected, rule, revision, opened,
        standing, trail, decision);
  }
}
