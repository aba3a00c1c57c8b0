package coop.lattice.federation.mirror;

import coop.lattice.federation.hosting.NodeLog;
import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.ledger.Equivocation;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The proofs of equivocation this node holds, one per partner actor (the first): found by its own
 * mirror, or received from another node and verified. Kept in the line log {@code evidence} as
 * {@code actor  proof} (tab-separated, the proof's canonical JSON in URL-safe base64), written and
 * read only here. Durable when {@link #keep} returns. Thread-safe.
 */
public final class Evidence {
  private final NodeLog log;
  private final Map<String, Equivocation> proofs = new ConcurrentHashMap<>();

  public Evidence(NodeStore store) {
    this.log = store.log("evidence", Evidence::live);
    log.replay(line -> {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        try {
          proofs.putIfAbsent(line.substring(0, tab),
              Equivocation.parse(Base64.getUrlDecoder().decode(line.substring(tab + 1))));
        } catch (IllegalArgumentException e) {
          // a line torn by a crash: the flag itself is in the flags log
        }
      }
    });
  }

  static List<String> live(List<String> lines) {
    Set<String> actors = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      int tab = line.indexOf('\t');
      if (tab > 0 && actors.add(line.substring(0, tab))) {
        out.add(line);
      }
    }
    return out;
  }

  /** Keeps {@code proof} against {@code actor} (the first proof stays); true if it is new. */
  boolean keep(String actor, Equivocation proof) {
    if (proofs.putIfAbsent(actor, proof) != null) {
      return false;
    }
    log.append(actor + "\t" + Base64.getUrlEncoder().withoutPadding().encodeToString(proof.toBytes()));
    return true;
  }

  /** The proof held against {@code actor}, if any. */
  public Optional<Equivocation> of(String actor) {
    return Optional.ofNullable(proofs.get(actor));
  }
}
