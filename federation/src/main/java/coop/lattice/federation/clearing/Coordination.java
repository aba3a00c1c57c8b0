package coop.lattice.federation.clearing;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.collective.ClearingRound;
import coop.lattice.collective.ClearingRound.Stage;
import coop.lattice.collective.Collective;
import coop.lattice.exchange.Clearing;
import coop.lattice.exchange.RoundId;
import coop.lattice.federation.MirroredLedger;
import coop.lattice.federation.mirror.TradeRelay;
import coop.lattice.ledger.ClearingEvents;
import coop.lattice.ledger.ClearingEvents.Commitment;
import coop.lattice.ledger.ClearingEvents.Statement;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.merkle.Hash;
import coop.lattice.merkle.MerkleTree;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's side of a round: what each participant answered and committed (the
 * partner's own entries, as heard), and the round moved on as far as that allows. With every
 * invited collective's answer in, it is prepared from the statements of those who joined and the
 * coordinator commits its own legs; with every collective that has a leg committed, it is
 * completed. When its closing time passes first, it lapses, naming who was silent. A participant
 * that joined without committing lets a round lapse on its own once the closing time and a grace
 * have passed without the coordinator's word; one that committed ends it only as the coordinator's
 * ledger shows ({@link #resolve}), so that no debt is cleared on one side only. Steps are taken by the member appointed to relay the partner's steps
 * (for a lapse, that of any partner in the round).
 */
final class Coordination {
  private static final Logger LOG = LoggerFactory.getLogger(Coordination.class);

  private final TradeRelay links;
  /** local | round -> partner -> its answer (RoundJoined or RoundDeclined) with its JSON. */
  private final Map<String, Map<CollectiveId, Heard>> answers = new ConcurrentHashMap<>();
  /** local | round -> partner -> its commitment (as coordinator: every participant's; else: leg counterparts'). */
  private final Map<String, Map<CollectiveId, Committed>> commitments = new ConcurrentHashMap<>();

  private record Heard(Entry entry, String json) {}

  private record Committed(long entry, Hash prepared) {}

  /** local | round -> the coordinator's completion entry, for a round this collective takes part in. */
  private final Map<String, Long> completions = new ConcurrentHashMap<>();

  Coordination(TradeRelay links) {
    this.links = links;
  }

  /** Keeps a participant's answer or commitment, {@code e}, to a round {@code local} coordinates. */
  void heard(CollectiveId local, Entry e, String json) {
    if (e.event() instanceof ClearingEvents.RoundJoined j) {
      of(answers, local, j.round()).put(e.collective(), new Heard(e, json));
    } else if (e.event() instanceof ClearingEvents.RoundDeclined d) {
      of(answers, local, d.round()).put(e.collective(), new Heard(e, json));
    } else if (e.event() instanceof ClearingEvents.RoundCommitted c) {
      of(commitments, local, c.round()).put(e.collective(), new Committed(e.sequence(), c.prepared()));
    } else if (e.event() instanceof ClearingEvents.RoundCompleted c) {
      completions.put(local + "|" + RoundId.of(e.collective(), c.proposal()), e.sequence());
    }
  }

  /**
   * Settles {@code round} on {@code local}'s ledger once both are in: the coordinator's completion
   * and, if {@code local} committed legs, every counterpart's commitment to the same preparation.
   */
  synchronized void settleIfReady(Collective local, RoundId round) {
    Long completed = completions.get(local.id() + "|" + round);
    ClearingRound r = local.clearing().round(round).orElse(null);
    if (completed == null || r == null || !(r.stage() == Stage.JOINED || r.stage() == Stage.COMMITTED)) {
      return;
    }
    if (r.stage() == Stage.COMMITTED && !uncommitted(local.id(), round,
        (ClearingEvents.RoundCommitted) local.ledger().entry(r.entry()).event()).isEmpty()) {
      return; // a counterpart's commitment is still on its way
    }
    member(local, r).ifPresent(by -> local.clearing().settle(by, round, completed));
  }

  /** The counterparts of {@code mine}'s legs not yet heard to have committed to the same preparation. */
  List<CollectiveId> uncommitted(CollectiveId local, RoundId round, ClearingEvents.RoundCommitted mine) {
    Map<CollectiveId, Committed> heard = of(commitments, local, round);
    Set<CollectiveId> counterparts = new TreeSet<>(Comparator.comparing(CollectiveId::value));
    for (Clearing.Leg l : mine.legs()) {
      counterparts.add(l.debtor());
      counterparts.add(l.creditor());
    }
    counterparts.remove(local);
    return counterparts.stream().filter(c -> heard.get(c) == null || !heard.get(c).prepared().equals(mine.prepared()))
        .toList();
  }

  private static <V> Map<CollectiveId, V> of(Map<String, Map<CollectiveId, V>> m, CollectiveId local, RoundId round) {
    return m.computeIfAbsent(local + "|" + round, k -> new ConcurrentHashMap<>());
  }

  /** Moves {@code local}'s own {@code round} on as far as what was heard allows; steps taken by {@code by}. */
  synchronized void advance(Collective local, RoundId round, MemberId by) {
    Optional<ClearingRound> r = local.clearing().round(round);
    if (r.isEmpty() || r.get().stage().decided() || !r.get().coordinates(local.id())) {
      return;
    }
    if (r.get().stage() == Stage.PROPOSED) {
      Map<CollectiveId, Heard> heard = of(answers, local.id(), round);
      if (!heard.keySet().containsAll(r.get().invited())) {
        return; // answers still to come
      }
      List<Statement> statements = new ArrayList<>();
      for (CollectiveId c : r.get().invited()) {
        Heard h = heard.get(c);
        if (h.entry().event() instanceof ClearingEvents.RoundJoined j) {
          statements.add(new Statement(c, h.entry().sequence(), MerkleTree.leafHash(LedgerJson.canonicalBytes(
              h.entry())), j.owes()));
        }
      }
      local.clearing().prepare(by, round, statements);
      r = local.clearing().round(round);
    }
    if (r.orElseThrow().stage() == Stage.PREPARED && !r.get().legs().isEmpty()) {
      // Its own legs, committed at once (or, after a crash between the two, now).
      Entry prepared = local.ledger().entry(r.get().entry());
      local.clearing().commit(by, round, local.ledger().leafHash(prepared.sequence()),
          (ClearingEvents.RoundPrepared) prepared.event());
      r = local.clearing().round(round);
    }
    ClearingEvents.RoundPrepared p = r.orElseThrow().prepared();
    Map<CollectiveId, Committed> committed = of(commitments, local.id(), round);
    List<Commitment> all = new ArrayList<>();
    for (CollectiveId c : p.withLegs()) {
      if (c.equals(local.id())) {
        all.add(new Commitment(c, r.get().entry()));
      } else if (committed.containsKey(c)) {
        all.add(new Commitment(c, committed.get(c).entry()));
      } else {
        return; // commitments still to come
      }
    }
    local.clearing().complete(by, round, all);
  }

  /**
   * Lets {@code local}'s rounds lapse that are past their time at {@code now}: its own once they
   * close (naming who was silent); one it joined without committing, once it closed {@code grace}
   * ago without the coordinator's word (the coordinator cannot complete it without this
   * collective's commitment). Moves its own on, in case what was heard before a restart allows it.
   * Returns the rounds this collective committed to that closed {@code grace} ago without the
   * coordinator's word: only the coordinator's ledger can say how those ended ({@link #resolve}).
   */
  synchronized List<ClearingRound> tick(Collective local, Instant now, Duration grace) {
    List<ClearingRound> unresolved = new ArrayList<>();
    for (ClearingRound r : local.clearing().rounds()) {
      if (r.stage().decided()) {
        continue;
      }
      Optional<MemberId> by = member(local, r);
      if (by.isEmpty()) {
        continue;
      }
      try {
        if (r.coordinates(local.id())) {
          if (now.isBefore(r.closes())) {
            advance(local, r.id(), by.get());
          } else {
            List<CollectiveId> silent = silent(local.id(), r);
            local.clearing().lapse(by.get(), r.id(), silent, "the round closed at " + r.closes() + " before "
                + (r.stage() == Stage.PROPOSED ? "every collective invited answered" : "every leg was committed"));
          }
        } else if (completions.containsKey(local.id() + "|" + r.id())) {
          settleIfReady(local, r.id()); // completed: settled once the counterparts' commitments are in
        } else if (!now.isBefore(r.closes().plus(grace))) {
          if (r.stage() == Stage.COMMITTED) {
            unresolved.add(r);
          } else {
            local.clearing().lapse(by.get(), r.id(), List.of(r.id().coordinator()), "the coordinator did not"
                + " complete the round by " + r.closes() + " (nor let it lapse)");
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("Round {} of {} could not move on: {}", r.id(), local.id(), e.getMessage());
      }
    }
    return unresolved;
  }

  /**
   * Ends {@code r}, a round {@code local} committed to, as the coordinator's ledger ({@code
   * coordinator}, a verified copy) shows it ended: settled if it completed there (and every
   * counterpart of this collective's legs was heard to commit), lapsed if it lapsed there or if
   * the ledger went past the closing time without completing it (its fold refuses a completion
   * from then on); left provisional, with no balance moved, while the ledger says neither.
   */
  synchronized void resolve(Collective local, ClearingRound r, MirroredLedger coordinator) {
    Optional<MemberId> by = member(local, r);
    ClearingRound now = local.clearing().round(r.id()).orElse(r);
    if (by.isEmpty() || now.stage() != Stage.COMMITTED) {
      return;
    }
    for (long i = r.id().entry() + 1; i < coordinator.size(); i++) {
      Entry e = coordinator.entry(i);
      if (e.event() instanceof ClearingEvents.RoundCompleted c && c.proposal() == r.id().entry()) {
        completions.put(local.id() + "|" + r.id(), i);
        settleIfReady(local, r.id());
        if (local.clearing().round(r.id()).filter(x -> x.stage() == Stage.COMMITTED).isPresent()) {
          LOG.warn("Round {} completed on {}'s ledger, but {} has not heard every counterpart of its legs commit:"
              + " left provisional, nothing moved", r.id(), r.id().coordinator(), local.id());
        }
        return;
      }
      if (e.event() instanceof ClearingEvents.RoundLapsed l && l.round().equals(r.id())) {
        local.clearing().follow(by.get(), r.id(), l.silent(), "the coordinator let the round lapse: " + l.why(), i);
        return;
      }
      if (!e.time().isBefore(r.closes())) {
        local.clearing().lapse(by.get(), r.id(), List.of(r.id().coordinator()), "the coordinator's ledger went past"
            + " the closing time (entry " + i + ") without completing the round");
        return;
      }
    }
  }

  private List<CollectiveId> silent(CollectiveId local, ClearingRound r) {
    if (r.stage() == Stage.PROPOSED) {
      Set<CollectiveId> heard = of(answers, local, r.id()).keySet();
      return r.invited().stream().filter(c -> !heard.contains(c)).toList();
    }
    Set<CollectiveId> committed = of(commitments, local, r.id()).keySet();
    return r.prepared().withLegs().stream().filter(c -> !c.equals(local) && !committed.contains(c)).toList();
  }

  /**
   * The member who takes {@code local}'s steps in round {@code r}: as a participant, the one
   * appointed to relay the coordinator's steps (its fold requires it); as the coordinator, the
   * relay of a partner in the round.
   */
  private Optional<MemberId> member(Collective local, ClearingRound r) {
    Set<CollectiveId> partners = r.coordinates(local.id()) ? Set.copyOf(r.invited()) : Set.of(r.id().coordinator());
    return links.links(local.id()).stream().filter(l -> partners.contains(l.partner())).map(TradeRelay.Link::relay)
        .findFirst();
  }
}
