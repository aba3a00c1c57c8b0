package coop.lattice.collective;

import coop.lattice.CollectiveId;
import coop.lattice.InvalidExchangeException;
import coop.lattice.MemberId;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.Parameter;
import coop.lattice.exchange.Clearing;
import coop.lattice.exchange.RoundId;
import coop.lattice.ledger.ClearingEvents;
import coop.lattice.ledger.ClearingEvents.Commitment;
import coop.lattice.ledger.ClearingEvents.RoundPrepared;
import coop.lattice.ledger.ClearingEvents.Statement;
import coop.lattice.ledger.Entry;
import coop.lattice.merkle.Hash;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Clearing rounds between collectives, step by step on this collective's ledger; obtained from
 * {@link Collective#clearing()}. Over federation the node takes these steps as the partners'
 * entries arrive ({@code coop.lattice.federation.clearing}); an app proposes rounds and reads them.
 *
 * <p>The coordinator {@linkplain #propose proposes} a round to partners, with a closing time. Each
 * partner whose agreements let it ({@code clearing-rounds: join}) {@linkplain #join joins}, stating
 * on its own ledger what it owes the round's collectives (its balances, which its fold checks), or
 * {@linkplain #decline declines}. With every answer in, the coordinator {@linkplain #prepare
 * prepares}: the cycles {@link Clearing} finds in the statements and its own debts. Each collective
 * with a leg {@linkplain #commit commits} it, after checking that the preparation holds its own
 * statement unchanged and that the cycles are what the statements give; a commitment is
 * provisional. With every commitment in, the coordinator {@linkplain #complete completes} the round
 * and each participant {@linkplain #settle settles}: only then do balances move, by the same amounts
 * on both sides of each debt. A round not completed by its closing time {@linkplain #lapse lapses}
 * on each ledger, naming who was silent, and leaves every balance as it was. Every refused step
 * changes nothing.
 *
 * <pre>{@code
 * RoundId round = coop.clearing().propose(ana, List.of(fixit, care), now.plus(Duration.ofHours(1)));
 * // ... the partners join, the node prepares, commits and completes ...
 * coop.clearing().round(round).orElseThrow().stage();   // COMPLETED
 * }</pre>
 */
public final class ClearingRounds {
  private final Collective collective;

  ClearingRounds(Collective collective) {
    this.collective = collective;
  }

  /** {@code by} proposes a round to the partners {@code invited}, open until {@code closes}. */
  public RoundId propose(MemberId by, List<CollectiveId> invited, Instant closes) {
    Entry e = collective.submit(by, new ClearingEvents.RoundProposed(invited, closes));
    return RoundId.of(collective.id(), e.sequence());
  }

  /** Whether the agreements in force let this collective join rounds its partners propose. */
  public boolean joinsRounds() {
    return collective.agreements().parameters().get(Parameter.CLEARING_ROUNDS).equals("join");
  }

  /** {@code by} joins {@code round}, stating what this collective owes the round's collectives now. */
  public Entry join(MemberId by, RoundId round, List<CollectiveId> invited, Instant closes) {
    Set<CollectiveId> others = new LinkedHashSet<>(invited);
    others.add(round.coordinator());
    others.remove(collective.id());
    return collective.submit(by, new ClearingEvents.RoundJoined(round, invited, closes,
        collective.read(f -> f.trade.debtsTo(collective.id(), others))));
  }

  /** {@code by} declines {@code round}, saying why. */
  public Entry decline(MemberId by, RoundId round, String reason) {
    return collective.submit(by, new ClearingEvents.RoundDeclined(round, reason));
  }

  /**
   * {@code by} prepares this collective's own {@code round} from the {@code statements} of those who
   * joined: its own debts to them now, and the cycles clearing finds.
   */
  public Entry prepare(MemberId by, RoundId round, List<Statement> statements) {
    Set<CollectiveId> joined = new HashSet<>();
    statements.forEach(s -> joined.add(s.collective()));
    RoundPrepared draft = new RoundPrepared(round.entry(), statements,
        collective.read(f -> f.trade.debtsTo(collective.id(), joined)), List.of());
    List<Clearing.Cycle> cycles = ClearingFold.cycles(round, collective.id(), draft);
    return collective.submit(by, new RoundPrepared(round.entry(), statements, draft.owes(), cycles));
  }

  /**
   * {@code by} commits this collective's legs of {@code round}, as {@code prepared} (the
   * coordinator's entry, whose leaf hash is {@code leaf}; or this collective's own preparation)
   * gives them. Checks first that the preparation holds this collective's statement as its ledger
   * has it and that its cycles are what the statements give (refused with {@link
   * InvalidExchangeException} otherwise). Empty when this collective is on no cycle: nothing to commit.
   */
  public Optional<Entry> commit(MemberId by, RoundId round, Hash leaf, RoundPrepared prepared) {
    CollectiveId self = collective.id();
    ClearingRound r = round(round).orElseThrow(() -> new UnknownReferenceException("Round " + round
        + " is not on this ledger: join it first."));
    if (!r.coordinates(self)) {
      Statement mine = prepared.statements().stream().filter(s -> s.collective().equals(self)).findFirst()
          .orElseThrow(() -> new InvalidExchangeException("The preparation of round " + round + " leaves out this"
              + " collective's statement."));
      Hash stated = collective.ledger().leafHash(r.entry());
      if (mine.entry() != r.entry() || !mine.leaf().equals(stated) || !sameSet(mine, r)) {
        throw new InvalidExchangeException("The preparation of round " + round + " does not hold this collective's"
            + " statement as its ledger has it (entry " + r.entry() + ").");
      }
    }
    if (!ClearingFold.cycles(round, round.coordinator(), prepared).equals(prepared.cycles())) {
      throw new InvalidExchangeException("The cycles prepared for round " + round + " are not the ones its"
          + " statements give; this collective does not commit to them.");
    }
    List<Clearing.Leg> legs = prepared.legsFor(self);
    return legs.isEmpty() ? Optional.empty()
        : Optional.of(collective.submit(by, new ClearingEvents.RoundCommitted(round, leaf, legs)));
  }

  private static boolean sameSet(Statement mine, ClearingRound r) {
    return new HashSet<>(mine.owes()).equals(new HashSet<>(r.owes()));
  }

  /** {@code by} completes this collective's own {@code round}: every leg was committed ({@code commitments}). */
  public Entry complete(MemberId by, RoundId round, List<Commitment> commitments) {
    return collective.submit(by, new ClearingEvents.RoundCompleted(round.entry(), commitments));
  }

  /** {@code by} settles this collective's committed legs (if any) of {@code round}, which its coordinator completed at its entry {@code completed}. */
  public Entry settle(MemberId by, RoundId round, long completed) {
    return collective.submit(by, new ClearingEvents.RoundSettled(round, completed));
  }

  /** {@code by} lets {@code round} lapse on this ledger: {@code silent} did not answer or commit in time. */
  public Entry lapse(MemberId by, RoundId round, List<CollectiveId> silent, String why) {
    return collective.submit(by, new ClearingEvents.RoundLapsed(round, silent, why, 0));
  }

  /** {@code by} lets {@code round} lapse here as its coordinator did at its entry {@code lapsed}, naming the same {@code silent}. */
  public Entry follow(MemberId by, RoundId round, List<CollectiveId> silent, String why, long lapsed) {
    return collective.submit(by, new ClearingEvents.RoundLapsed(round, silent, why, lapsed));
  }

  /** {@code round} as this ledger holds it. */
  public Optional<ClearingRound> round(RoundId round) {
    return collective.read(f -> Optional.ofNullable(f.clearing.rounds.get(round)));
  }

  /** For a round this collective coordinates and prepared: the entry of its preparation. */
  public Optional<Long> preparedAt(RoundId round) {
    return collective.read(f -> Optional.ofNullable(f.clearing.preparedAt.get(round)));
  }

  /** Every round on this ledger, in the order they first appeared. */
  public List<ClearingRound> rounds() {
    return collective.read(f -> List.copyOf(f.clearing.rounds.values()));
  }
}
