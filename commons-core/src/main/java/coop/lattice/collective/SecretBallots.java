package coop.lattice.collective;

import coop.lattice.merkle.Hash;
import coop.lattice.poll.SealedBallot;
import coop.lattice.privacy.Vault;
import coop.lattice.store.PrivateArea;
import java.util.Optional;

/**
 * What the open ledger leaves out of secret polls: each ballot with the salt of its commitment, by
 * commitment. Kept encrypted in the store's private area ({@code poll-ballots}, sealed by the
 * collective's {@link Vault}), so that a secret poll's tally is counted from its ballots and checked
 * against its commitments after a restart too. Who cast a ballot is not kept here: the ledger's
 * entry holds its author's handle or tag, as for every entry. Mirrors have none of it.
 *
 * <p>The file holds one ballot a line, in the ledger's canonical JSON ({@link PrivateRecords}
 * rewrites it whole, durably, before the entry it belongs to is appended); a ballot whose entry is
 * refused is dropped again. A crash between the two leaves a ballot whose
 * commitment is on no entry, which nothing counts: a tally counts the ballots of the commitments on
 * the ledger.
 */
final class SecretBallots {
  static final String FILE = "poll-ballots";

  private final PrivateRecords<Hash, SealedBallot> kept;

  private SecretBallots(PrivateRecords<Hash, SealedBallot> kept) {
    this.kept = kept;
  }

  /** None at all, and none can be kept: what a copy of another collective's ledger has. */
  static SecretBallots none() {
    return new SecretBallots(PrivateRecords.none(FILE, SealedBallot::commitment));
  }

  /** The secret ballots kept in {@code area}, opened with {@code vault}. */
  static SecretBallots open(PrivateArea area, Vault vault) {
    return new SecretBallots(PrivateRecords.lines(area, vault, FILE, SealedBallot::commitment, SealedBallot.class,
        "secret ballots"));
  }

  /** Whether this collective keeps secret ballots at all (a mirror does not). */
  boolean kept() {
    return kept.kept();
  }

  boolean isEmpty() {
    return kept.isEmpty();
  }

  Optional<SealedBallot> get(Hash commitment) {
    return kept.get(commitment);
  }

  /** Keeps {@code ballot} durably under its commitment. */
  void put(SealedBallot ballot) {
    kept.put(ballot);
  }

  /** Drops the ballot kept under {@code commitment}, durably: for a ballot the ledger refused. */
  void remove(Hash commitment) {
    kept.remove(commitment);
  }
}
