package coop.lattice.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import coop.lattice.InvalidKeyChangeException;
import coop.lattice.merkle.Hash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Which key signs a ledger's checkpoints of each size: the key entry 0 names, then each key a
 * rotation or a recovery ({@link KeyEvents}) put in force. A checkpoint verifies only with the key
 * whose period covers its size; after a recovery, the lost key covers sizes up to the recovery's
 * basis and no further, so a checkpoint it signs later (whoever holds it now) is worth nothing.
 *
 * <p>Immutable: {@link #after} gives the history after one more entry, checking that entry's key
 * change first, so that the ledger, and every copy of it a partner keeps, derive the same keys from
 * the same entries, and each trusts a new key only through a change signed as it must be.
 */
public final class KeyHistory {
  /** A key, and the checkpoint sizes it signs: {@code from} to {@code to}, both included. */
  public record Period(VerificationKey key, long from, long to) {
    public Period {
      checkArgument(0 <= from && to >= from - 1, "a key's period runs from %s to %s", from, to);
    }

    public boolean covers(long size) {
      return from <= size && size <= to;
    }
  }

  private final List<Period> periods;

  private KeyHistory(List<Period> periods) {
    this.periods = List.copyOf(periods);
  }

  /** The history of a ledger whose entry 0 names {@code key}, before any change. */
  public static KeyHistory founding(VerificationKey key) {
    return new KeyHistory(List.of(new Period(key, 0, Long.MAX_VALUE)));
  }

  /** The key entry 0 names. */
  public VerificationKey founding() {
    return periods.get(0).key();
  }

  /** The key in force: the one that signs the ledger's checkpoints from now on. */
  public VerificationKey current() {
    return periods.get(periods.size() - 1).key();
  }

  /** Every key, in order, with the sizes it signs. */
  public List<Period> periods() {
    return periods;
  }

  /** The key that signs a checkpoint of {@code size}; empty for sizes no key signs (between a recovery's basis and itself). */
  public Optional<VerificationKey> at(long size) {
    for (int i = periods.size() - 1; i >= 0; i--) {
      if (periods.get(i).covers(size)) {
        return Optional.of(periods.get(i).key());
      }
    }
    return Optional.empty();
  }

  /** True exactly when {@code cp} is signed by the key that signs checkpoints of its size. */
  public boolean verifies(SignedCheckpoint cp) {
    return at(cp.checkpoint().size()).map(cp::verify).orElse(false);
  }

  /**
   * The history after {@code e}, the next entry of the ledger; {@code rootAt} gives the ledger's
   * root at a size up to {@code e}'s sequence. An entry that changes no key leaves it as it is.
   *
   * @throws InvalidKeyChangeException if {@code e} changes the key other than as it must
   */
  public KeyHistory after(Entry e, LongFunction<Hash> rootAt) {
    if (!(e.event() instanceof Event.LedgerKeys change)) {
      return this;
    }
    KeyEvents.KeyChange statement = KeyEvents.KeyChange.at(e.collective(), e.sequence(), e.previous(), change);
    VerificationKey next = key(statement.publicKey());
    if (periods.stream().anyMatch(p -> p.key().equals(next))) {
      throw new InvalidKeyChangeException("The key " + next + " was this ledger's key before, and a retired key never"
          + " returns: generate a new one.");
    }
    long lastSize;
    if (change instanceof KeyEvents.KeyRotated r) {
      if (!statement.verify(current(), r.signature())) {
        throw new InvalidKeyChangeException("The rotation is not signed by the key in force (" + current()
            + "): only whoever holds it can rotate it; a lost key is recovered instead.");
      }
      if (!statement.verify(next, r.proof())) {
        throw new InvalidKeyChangeException("The new key did not sign the rotation: rotate only to a key you hold.");
      }
      lastSize = e.sequence();
    } else {
      KeyEvents.KeyRecovered k = (KeyEvents.KeyRecovered) change;
      lastSize = checkRecovery(e, k, rootAt);
      if (!statement.verify(next, k.proof())) {
        throw new InvalidKeyChangeException("The new key did not sign the recovery: recover only to a key you hold.");
      }
    }
    List<Period> after = new ArrayList<>(periods);
    Period last = after.remove(after.size() - 1);
    after.add(new Period(last.key(), last.from(), lastSize));
    after.add(new Period(next, e.sequence() + 1, Long.MAX_VALUE));
    return new KeyHistory(after);
  }

  /** Checks a recovery's basis and countersignatures; returns the last size the lost key still covers. */
  private long checkRecovery(Entry e, KeyEvents.KeyRecovered k, LongFunction<Hash> rootAt) {
    Checkpoint basis = k.basis().checkpoint();
    if (!basis.collective().equals(e.collective()) || basis.size() > e.sequence()
        || !rootAt.apply(basis.size()).equals(basis.root())) {
      throw new InvalidKeyChangeException("The recovery's basis is not a checkpoint of this ledger: recover from the"
          + " newest checkpoint the lost key signed of it (Ledger.latestCheckpoint).");
    }
    Period inForce = periods.get(periods.size() - 1);
    if (!inForce.covers(basis.size()) || !k.basis().verify(inForce.key())) {
      throw new InvalidKeyChangeException("The recovery's basis is not signed by the key it replaces (" + inForce.key()
          + "): a recovery rests on the newest checkpoint that key signed.");
    }
    RecoveryRequest request = k.request();
    Set<String> witnesses = new HashSet<>();
    Set<VerificationKey> witnessKeys = new HashSet<>();
    for (RecoveryCountersignature c : k.countersignatures()) {
      if (!c.verify(request)) {
        throw new InvalidKeyChangeException("The countersignature of " + c.witness() + " does not verify for this"
            + " recovery: ask that partner again.");
      }
      VerificationKey witnessKey = VerificationKey.fromBase64Url(c.witnessKey()); // it verified: a key
      if (!witnessKey.base64Url().equals(c.witnessKey())) {
        throw new InvalidKeyChangeException("The countersignature of " + c.witness() + " names its key in another"
            + " form than its canonical base64url: ask that partner again.");
      }
      if (!witnesses.add(c.witness()) || !witnessKeys.add(witnessKey)
          || periods.stream().anyMatch(p -> p.key().equals(witnessKey)) || witnessKey.base64Url().equals(request.publicKey())) {
        throw new InvalidKeyChangeException("The recovery counts " + c.witness() + " twice (by name or by key), or a"
            + " countersignature by the collective's own key: each partner countersigns once, and only partners do.");
      }
    }
    return basis.size();
  }

  private static VerificationKey key(String base64Url) {
    try {
      return VerificationKey.fromBase64Url(base64Url);
    } catch (IllegalArgumentException e) {
      throw new InvalidKeyChangeException("The new key is not an Ed25519 public key (" + e.getMessage() + ").");
    }
  }

  /** The history as one line: {@code from-to:key} for each period, separated by commas ({@link #parse}). */
  public String encode() {
    StringBuilder b = new StringBuilder();
    for (Period p : periods) {
      b.append(b.length() == 0 ? "" : ",").append(p.from()).append('-').append(p.to()).append(':')
          .append(p.key().base64Url());
    }
    return b.toString();
  }

  /** Reads what {@link #encode()} wrote; a bare key is the history of a ledger that never changed it. */
  public static KeyHistory parse(String text) {
    if (!text.contains(":")) {
      return founding(VerificationKey.fromBase64Url(text));
    }
    List<Period> periods = new ArrayList<>();
    for (String part : text.split(",")) {
      int dash = part.indexOf('-');
      int colon = part.indexOf(':');
      checkArgument(dash > 0 && colon > dash, "not a key period: %s", part);
      periods.add(new Period(VerificationKey.fromBase64Url(part.substring(colon + 1)),
          Long.parseLong(part.substring(0, dash)), Long.parseLong(part.substring(dash + 1, colon))));
    }
    checkArgument(!periods.isEmpty(), "a key history has at least its founding key");
    return new KeyHistory(periods);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyHistory h && h.periods.equals(periods);
  }

  @Override
  public int hashCode() {
    return periods.hashCode();
  }

  @Override
  public String toString() {
    return "KeyHistory[" + encode() + "]";
  }
}
