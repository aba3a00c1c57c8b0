package coop.lattice.federation.clearing;

import coop.lattice.federation.hosting.NodeLog;
import coop.lattice.federation.hosting.NodeStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Where a node keeps what its coordinating collectives heard from their rounds' participants: each
 * partner's answer or commitment, as the partner's own canonical entry, so that a coordinator
 * restarted mid-round carries on from what it had heard. The line log {@code clearing} holds
 * {@code heard key entry} (tab-separated; the key names the local collective, the round and the
 * partner's entry, the entry is its canonical JSON in URL-safe base64), written and read only here.
 * Compaction keeps one line per key.
 */
final class ClearingLog {
  private final NodeLog log;

  ClearingLog(NodeStore store) {
    this.log = store.log("clearing", ClearingLog::live);
  }

  /** Records, durably, that {@code key} brought {@code entryJson}. */
  void heard(String key, String entryJson) {
    log.append("heard\t" + key + "\t"
        + Base64.getUrlEncoder().withoutPadding().encodeToString(entryJson.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> live(List<String> lines) {
    Map<String, String> heard = new LinkedHashMap<>();
    for (String line : lines) {
      String[] f = line.split("\t");
      if (f[0].equals("heard") && f.length == 3) {
        heard.put(f[1], line);
      }
    }
    return new ArrayList<>(heard.values());
  }

  /** Each key and entry heard, in the order first heard. */
  void replay(BiConsumer<String, String> heard) {
    log.replay(line -> {
      String[] f = line.split("\t");
      if (f[0].equals("heard") && f.length == 3) {
        heard.accept(f[1], new String(Base64.getUrlDecoder().decode(f[2]), StandardCharsets.UTF_8));
      }
    });
  }
}
