package coop.lattice.collective;

import coop.lattice.PrivateDataException;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.privacy.Vault;
import coop.lattice.store.PrivateArea;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Records a collective keeps beside its ledger and never publishes, by key, in one file of its
 * store's private area, sealed by its {@link Vault}: what {@link SealedClaims} and {@link
 * SecretBallots} keep. Each change rewrites the file whole, durably, before it shows here, so a
 * change that returned survives a restart. A copy of another collective's ledger keeps none.
 *
 * @param <K> what a record is found by (a seal, a commitment)
 * @param <V> the record
 */
final class PrivateRecords<K, V> {
  private final PrivateArea area;
  private final @Nullable Vault vault;
  private final String file;
  private final Function<V, K> key;
  private final Function<Collection<V>, byte[]> encode;
  private final Map<K, V> byKey = new ConcurrentHashMap<>();

  private PrivateRecords(PrivateArea area, @Nullable Vault vault, String file, Function<V, K> key,
      Function<Collection<V>, byte[]> encode) {
    this.area = area;
    this.vault = vault;
    this.file = file;
    this.key = key;
    this.encode = encode;
  }

  /**
   * The records kept in {@code file} of {@code area}, opened with {@code vault}, one a line in the
   * ledger's canonical JSON (which holds no raw line break); {@code what} names them in the error
   * that says the file does not read.
   */
  static <K, V extends Record> PrivateRecords<K, V> lines(PrivateArea area, Vault vault, String file, Function<V, K> key,
      Class<V> type, String what) {
    return open(area, vault, file, key, values -> {
      StringBuilder out = new StringBuilder();
      for (V v : values) {
        out.append(new String(LedgerJson.canonicalBytes(v), StandardCharsets.UTF_8)).append('\n');
      }
      return out.toString().getBytes(StandardCharsets.UTF_8);
    }, plain -> {
      List<V> out = new ArrayList<>();
      try {
        for (String line : new String(plain, StandardCharsets.UTF_8).split("\n", -1)) {
          if (!line.isEmpty()) {
            out.add(LedgerJson.decode(line.getBytes(StandardCharsets.UTF_8), type));
          }
        }
      } catch (IllegalArgumentException e) {
        throw new PrivateDataException("The " + what + " (" + file + ") opened but do not read as " + what + ": "
            + e.getMessage() + ". Restore the file from the backup taken with the journal.", e);
      }
      return out;
    });
  }

  /** None, and none can be kept: what a copy of another collective's ledger has. */
  static <K, V> PrivateRecords<K, V> none(String file, Function<V, K> key) {
    return new PrivateRecords<>(PrivateArea.none(), null, file, key, values -> new byte[0]);
  }

  /** The records kept in {@code file} of {@code area}, opened with {@code vault} and read by {@code decode}. */
  static <K, V> PrivateRecords<K, V> open(PrivateArea area, Vault vault, String file, Function<V, K> key,
      Function<Collection<V>, byte[]> encode, Function<byte[], Collection<V>> decode) {
    PrivateRecords<K, V> r = new PrivateRecords<>(area, vault, file, key, encode);
    vault.read(area, file).ifPresent(plain -> decode.apply(plain).forEach(v -> r.byKey.put(key.apply(v), v)));
    return r;
  }

  /** Whether this collective keeps such records at all. */
  boolean kept() {
    return vault != null;
  }

  boolean isEmpty() {
    return byKey.isEmpty();
  }

  Optional<V> get(K k) {
    return Optional.ofNullable(byKey.get(k));
  }

  /** Keeps {@code record} durably under its key. */
  synchronized void put(V record) {
    if (vault == null) {
      throw new IllegalStateException("a copy of another collective's ledger keeps no " + file);
    }
    Map<K, V> next = new LinkedHashMap<>(byKey);
    next.put(key.apply(record), record);
    save(next);
  }

  /** Drops the record kept under {@code k}, durably. */
  synchronized void remove(K k) {
    removeIf(v -> key.apply(v).equals(k));
  }

  /** Drops every record {@code drop} holds for, durably. */
  synchronized void removeIf(Predicate<V> drop) {
    if (vault != null && byKey.values().stream().anyMatch(drop)) {
      Map<K, V> next = new LinkedHashMap<>(byKey);
      next.values().removeIf(drop);
      save(next);
    }
  }

  private void save(Map<K, V> next) {
    if (vault == null) {
      throw new IllegalStateException("a copy of another collective's ledger keeps no " + file);
    }
    vault.write(area, file, encode.apply(next.values()));
    byKey.keySet().retainAll(next.keySet());
    byKey.putAll(next);
  }
}
