package coop.lattice.federation.outbox;

import coop.lattice.federation.DeadLetter;
import coop.lattice.federation.hosting.NodeLog;
import coop.lattice.federation.hosting.NodeStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The delivery log as lines, the one owner of their format (fields separated by tabs): {@code
 * cursor inbox next}; {@code dead inbox entry status reason} for a ledger entry and {@code dead
 * inbox -1 status reason body-base64} for a one-off activity; {@code replayed inbox entry} and
 * {@code replayed inbox -1 body-hash}. Reasons are kept to one line. Compacted to the latest
 * cursor of each inbox and the dead letters not replayed yet.
 */
final class DeliveryLines implements DeliveryLog {
  private final String collective;
  private final NodeLog log;

  DeliveryLines(String collective, NodeStore store) {
    this.collective = collective;
    this.log = store.log(collective + "/delivery", lines -> fold(collective, lines).lines());
  }

  /** What the lines add up to: one cursor per inbox, in the order inboxes first appeared, and the dead letters left. */
  private record Folded(Map<String, Long> cursors, List<DeadLetter> dead) {
    List<String> lines() {
      List<String> out = new ArrayList<>(cursors.size() + dead.size());
      cursors.forEach((inbox, next) -> out.add(cursorLine(inbox, next)));
      dead.forEach(d -> out.add(deadLine(d)));
      return out;
    }
  }

  private static Folded fold(String collective, List<String> lines) {
    Map<String, Long> cursors = new LinkedHashMap<>();
    List<DeadLetter> dead = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split("\t");
      switch (f[0]) {
        case "cursor" -> cursors.put(f[1], Long.parseLong(f[2]));
        case "dead" -> dead.add(new DeadLetter(collective, f[1], Long.parseLong(f[2]), Integer.parseInt(f[3]),
            f.length > 4 ? f[4] : "",
            f.length > 5 ? new String(Base64.getDecoder().decode(f[5]), StandardCharsets.UTF_8) : ""));
        case "replayed" -> dead.removeIf(d -> d.inbox().equals(f[1]) && Long.toString(d.entry()).equals(f[2])
            && (f.length < 4 || d.body().hashCode() == Integer.parseInt(f[3])));
        default -> { } // a line of a later version: left for it
      }
    }
    return new Folded(cursors, dead);
  }

  @Override
  public Restored restore() {
    List<String> lines = new ArrayList<>();
    log.replay(lines::add);
    Folded f = fold(collective, lines);
    return new Restored(f.cursors(), f.dead());
  }

  @Override
  public void cursor(String inbox, long next) {
    log.append(cursorLine(inbox, next));
  }

  @Override
  public CompletableFuture<Void> cursorSoon(String inbox, long next) {
    return log.appendDurably(cursorLine(inbox, next));
  }

  private static String cursorLine(String inbox, long next) {
    return "cursor\t" + inbox + "\t" + next;
  }

  @Override
  public void dead(DeadLetter d) {
    log.append(deadLine(d));
  }

  private static String deadLine(DeadLetter d) {
    String line = "dead\t" + d.inbox() + "\t" + d.entry() + "\t" + d.status() + "\t" + oneLine(d.reason());
    if (d.entry() < 0) {
      line += "\t" + Base64.getEncoder().encodeToString(d.body().getBytes(StandardCharsets.UTF_8));
    }
    return line;
  }

  @Override
  public void replayed(DeadLetter d) {
    log.append("replayed\t" + d.inbox() + "\t" + d.entry() + (d.entry() < 0 ? "\t" + d.body().hashCode() : ""));
  }

  /** A reason as it is kept: on one line, without tabs. */
  static String oneLine(String reason) {
    return reason.replace('\t', ' ').replace('\n', ' ');
  }
}
