package coop.lattice.collective;

import coop.lattice.PrivateDataException;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.merkle.Hash;
import coop.lattice.poll.SealedBallot;
import coop.lattice.privacy.Vault;
import coop.lattice.store.PrivateArea;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What the open ledger leaves out of secret polls: each ballot with the salt of its commitment, by
 * commitment. Kept encrypted in the store's private area ({@code poll-ballots}, sealed by the
 * collective's {@link Vault}), so that a secret poll's tally is counted from its ballots and checked
 * against its commitments after a restart too. Who cast a ballot is not kept here: the ledger's
 * entry holds its author's handle or tag, as for every entry. Mirrors have none of it.
 *
 * <p>The file holds one ballot a line, in the ledger's canonical JSON. Each change rewrites the file whole, durably, before the entry it belongs to is appended; a
 * ballot whose entry is refused is dropped again. A crash between the two leaves a ballot whose
 * commitment is on no entry, which nothing counts: a tally counts the ballots of the commitments on
 * the ledger.
 */
final class SecretBallots {
  static final String FILE = "poll-ballots";

  private final PrivateArea area;
  private final @Nullable Vault vault;
  private final Map<Hash, SealedBallot> byCommitment = new ConcurrentHashMap<>();

  private SecretBallots(PrivateArea area, @Nullable Vault vault) {
    this.area = area;
    this.vault = vault;
  }

  /** None at all, and none can be kept: what a copy of another collective's ledger has. */
  static SecretBallots none() {
    return new SecretBallots(PrivateArea.none(), null);
  }

  /** The secret ballots kept in {@code area}, opened with {@code vault}. */
  static SecretBallots open(PrivateArea area, Vault vault) {
    SecretBallots s = new SecretBallots(area, vault);
    vault.read(area, FILE).ifPresent(plain -> {
      try {
        for (String line : new String(plain, StandardCharsets.UTF_8).split("\n", -1)) {
          if (!line.isEmpty()) {
            SealedBallot b = LedgerJson.decode(line.getBytes(StandardCharsets.UTF_8), SealedBallot.class);
            s.byCommitment.put(b.commitment(), b);
          }
        }
      } catch (IllegalArgumentException e) {
        throw new PrivateDataException("The secret ballots (" + FILE + ") opened but do not read as ballots: "
            + e.getMessage() + ". Restore the file from the backup taken with the journal.", e);
      }
    });
    return s;
  }

  /** Whether this collective keeps secret ballots at all (a mirror does not). */
  boolean kept() {
    return vault != null;
  }

  boolean isEmpty() {
    return byCommitment.isEmpty();
  }

  Optional<SealedBallot> get(Hash commitment) {
    return Optional.ofNullable(byCommitment.get(commitment));
  }

  /** Keeps {@code ballot} durably under its commitment. */
  synchronized void put(SealedBallot ballot) {
    if (vault == null) {
      throw new IllegalStateException("a copy of another collective's ledger keeps no secret ballots");
    }
    Map<Hash, SealedBallot> next = new LinkedHashMap<>(byCommitment);
    next.put(ballot.commitment(), ballot);
    vault.write(area, FILE, encode(next));
    byCommitment.put(ballot.commitment(), ballot);
  }

  /** One line of the ledger's canonical JSON per ballot (canonical JSON holds no raw line break). */
  private static byte[] encode(Map<Hash, SealedBallot> ballots) {
    StringBuilder out = new StringBuilder();
    for (SealedBallot b : ballots.values()) {
      out.append(new String(LedgerJson.canonicalBytes(b), StandardCharsets.UTF_8)).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Drops the ballot kept under {@code commitment}, durably: for a ballot the ledger refused. */
  synchronized void remove(Hash commitment) {
    if (vault != null && byCommitment.containsKey(commitment)) {
      Map<Hash, SealedBallot> next = new LinkedHashMap<>(byCommitment);
      next.remove(commitment);
      vault.write(area, FILE, encode(next));
      byCommitment.remove(commitment);
    }
  }
}
