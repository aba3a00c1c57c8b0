package coop.lattice.federation.inbox;

import coop.lattice.federation.hosting.NodeLog;
import coop.lattice.federation.hosting.NodeStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The accepted-activity log as lines, the one owner of their format (fields separated by tabs):
 *
 * <ul>
 *   <li>{@code a  accepted-at-millis  id  json}: an activity, accepted at that time by the node's
 *       clock. A tab in the id becomes a space; the JSON's line breaks, which can only be white
 *       space between tokens, become spaces.
 *   <li>{@code o  id  owner  version  live|deleted}: a remote object in the snapshot that
 *       compaction leaves of activities older than the retention ({@link RemoteObjects.Stored}).
 *   <li>{@code id  json}: an activity written before times were kept; it counts as accepted when
 *       the log is opened, so it is kept one more retention.
 * </ul>
 *
 * <p>Compaction folds the oldest activities, those accepted before now minus the retention, into
 * the snapshot (with {@link RemoteObjects#fold}, the rule replay uses) and keeps the rest as they
 * are. It stops at the first activity still inside the retention, so the snapshot always stands
 * for a prefix of the log and replaying the rest on top of it rebuilds the same objects.
 */
final class AcceptedLines implements AcceptedLog {
  private final NodeLog log;
  private final Clock clock;
  private final Instant opened;

  AcceptedLines(NodeStore store, String collective, Clock clock, Duration retention) {
    this.clock = clock;
    this.opened = clock.instant();
    this.log = store.log(collective + "/inbound", new Compacting(() -> clock.instant().minus(retention), opened));
  }

  @Override
  public CompletableFuture<Void> append(String id, byte[] json) {
    return log.appendDurably(activityLine(clock.instant(), id.replace('\t', ' '), json));
  }

  private static String activityLine(Instant at, String id, byte[] json) {
    return "a\t" + at.toEpochMilli() + "\t" + id + "\t"
        + new String(json, StandardCharsets.UTF_8).replace('\n', ' ').replace('\r', ' ');
  }

  @Override
  public void replay(Replay into) {
    log.replay(line -> read(line, opened, into));
  }

  /** Reads one line into {@code into}; a line that does not parse is passed over. */
  private static void read(String line, Instant opened, Replay into) {
    try {
      if (line.startsWith("a\t")) {
        String[] f = line.split("\t", 4); // the JSON may hold tabs between its tokens
        if (f.length == 4) {
          into.accepted(f[2], Instant.ofEpochMilli(Long.parseLong(f[1])), f[3].getBytes(StandardCharsets.UTF_8));
        }
      } else if (line.startsWith("o\t")) {
        String[] f = line.split("\t");
        if (f.length == 5) {
          into.object(f[1], new RemoteObjects.Stored(f[2], Instant.parse(f[3]), f[4].equals("deleted")));
        }
      } else {
        int tab = line.indexOf('\t');
        if (tab > 0 && line.lastIndexOf(':', tab) > 0) { // an id (a URL) and its JSON
          into.accepted(line.substring(0, tab), opened, line.substring(tab + 1).getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      // a damaged line: what it said is lost, the rest of the log still counts
    }
  }

  /** The snapshot, with the activities accepted before {@code cutoff} folded into it, then the rest. */
  static List<String> live(List<String> lines, Instant cutoff, Instant opened) {
    return new Compacting(() -> cutoff, opened).live(lines);
  }

  /**
   * The log's compaction, a line at a time: the log may hold every activity of the replay window,
   * so only the snapshot (an entry per remote object) is held in memory, never the lines kept.
   */
  private static final class Compacting implements NodeStore.Compaction {
    private final Supplier<Instant> cutoff;
    private final Instant opened;

    Compacting(Supplier<Instant> cutoff, Instant opened) {
      this.cutoff = cutoff;
      this.opened = opened;
    }

    @Override
    public List<String> live(List<String> lines) {
      List<String> live = new ArrayList<>();
      Pass pass = pass(live::add);
      lines.forEach(pass::line);
      pass.end();
      return live;
    }

    @Override
    public Pass pass(Consumer<String> out) {
      return new Folding(cutoff.get(), opened, out);
    }
  }

  /**
   * Folds activities accepted before the cutoff into the snapshot until the first one after it;
   * from there it writes the snapshot, then every line as it is (one from before times were kept
   * gains its time). A line that does not parse is dropped, as replay passes it over.
   */
  private static final class Folding implements NodeStore.Compaction.Pass, Replay {
    private final Instant cutoff;
    private final Instant opened;
    private final Consumer<String> out;
    private final Map<String, RemoteObjects.Stored> snapshot = new LinkedHashMap<>();
    private boolean keeping;
    private String line = "";

    Folding(Instant cutoff, Instant opened, Consumer<String> out) {
      this.cutoff = cutoff;
      this.opened = opened;
      this.out = out;
    }

    @Override
    public void line(String line) {
      this.line = line;
      read(line, opened, this);
    }

    @Override
    public void object(String id, RemoteObjects.Stored stored) {
      if (keeping) {
        out.accept(objectLine(id, stored));
      } else {
        snapshot.put(id, stored);
      }
    }

    @Override
    public void accepted(String id, Instant at, byte[] json) {
      if (!keeping && at.isBefore(cutoff)) {
        RemoteObjects.fold(snapshot, json); // older than any replay that could still pass: only its effect stays
        return;
      }
      if (!keeping) {
        writeSnapshot();
      }
      out.accept(line.startsWith("a\t") ? line : activityLine(at, id, json));
    }

    @Override
    public void end() {
      if (!keeping) {
        writeSnapshot();
      }
    }

    private void writeSnapshot() {
      snapshot.forEach((id, s) -> out.accept(objectLine(id, s)));
      snapshot.clear();
      keeping = true;
    }

    private static String objectLine(String id, RemoteObjects.Stored s) {
      return "o\t" + id.replace('\t', ' ') + "\t" + s.owner().replace('\t', ' ') + "\t" + s.version() + "\t"
          + (s.deleted() ? "deleted" : "live");
    }
  }
}
