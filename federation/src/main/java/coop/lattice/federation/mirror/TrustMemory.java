package coop.lattice.federation.mirror;

import coop.lattice.CollectiveId;
import coop.lattice.federation.hosting.NodeLog;
import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.ledger.KeyHistory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What a node trusts of each partner's ledger, durably: the keys it was signed with (entry 0's, and
 * each one a rotation or a recovery put in force since: {@link KeyHistory}), and the newest
 * checkpoint of it a pull verified (or the last good one of a repair or migration the node
 * accepted). After a restart the {@link LedgerMirror} starts from it: the keys are not learnt again
 * from whatever the partner serves then, and a ledger that does not extend the checkpoint
 * remembered is a fork, found and proven as it would have been before the restart.
 *
 * <p>Kept in the node's line log {@code trust}, written and read only here: {@code actor
 * collective keys kind checkpoint} (tab-separated; the collective or {@code -}, the keys as
 * {@link KeyHistory#encode()} writes them (a bare key, in lines written before keys could change),
 * the checkpoint's canonical bytes in base64url). Compaction keeps each actor's latest
 * line.
 */
final class TrustMemory {
  /** Why a checkpoint is remembered: verified by a pull, or the last good one of an accepted repair or migration. */
  enum Kind {
    VERIFIED,
    REPAIRED,
    MIGRATED
  }

  /** One partner as remembered. */
  record Trusted(String actor, @Nullable CollectiveId collective, KeyHistory keys, Kind kind,
      SignedCheckpoint checkpoint) {}

  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
  private final NodeLog log;

  TrustMemory(NodeStore store) {
    this.log = store.log("trust", TrustMemory::live);
  }

  /** Remembers {@code t}, durably, in place of what was remembered of its actor before. */
  void remember(Trusted t) {
    log.append(t.actor() + "\t" + (t.collective() == null ? "-" : t.collective().value()) + "\t" + t.keys().encode()
        + "\t" + t.kind().name().toLowerCase(Locale.ROOT) + "\t" + ENCODE.encodeToString(t.checkpoint().toBytes()));
  }

  /** Each partner remembered, as last remembered. */
  void replay(Consumer<Trusted> each) {
    Map<String, Trusted> latest = new LinkedHashMap<>();
    log.replay(line -> {
      String[] f = line.split("\t");
      if (f.length == 5) {
        latest.put(f[0], new Trusted(f[0], f[1].equals("-") ? null : CollectiveId.of(f[1]),
            KeyHistory.parse(f[2]), Kind.valueOf(f[3].toUpperCase(Locale.ROOT)),
            SignedCheckpoint.parse(DECODE.decode(f[4]))));
      }
    });
    latest.values().forEach(each);
  }

  static List<String> live(List<String> lines) {
    Map<String, String> latest = new LinkedHashMap<>();
    for (String line : lines) {
      latest.remove(line.substring(0, Math.max(0, line.indexOf('\t'))));
      latest.put(line.substring(0, Math.max(0, line.indexOf('\t'))), line);
    }
    return new ArrayList<>(latest.values());
  }
}
