package coop.lattice.federation.mirror;

import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.collective.Witnessing;
import coop.lattice.federation.WitnessStatus;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.NodeLog;
import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.ledger.Cosignature;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.net.SafeClient;
import coop.lattice.ledger.Ledger;
import coop.lattice.ledger.SignedCheckpoint;
import io.vertx.core.Future;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cosignatures a hosted collective's witnesses (partners that mirror it) sent of its
 * checkpoints, the latest of each witness, and whether the collective is held: a witness holds a
 * newer or different history than its ledger (its disk was rolled back, or it forked), so it does
 * not carry on until an operator decides it should. Kept per collective in the line log {@code
 * <collective>/witnesses} ({@code c  witness  cosignature}, {@code hold  why}, {@code go  decision};
 * tab-separated, cosignatures as canonical JSON in URL-safe base64), the one owner of its format.
 * Thread-safe.
 */
public final class Witnesses {
  private static final Logger LOG = LoggerFactory.getLogger(Witnesses.class);

  private final NodeStore store;
  private final SafeClient client;
  private final Clock clock;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  /** One collective's witnesses: the lines read back, and the log they go to. */
  private static final class State {
    final Map<String, Cosignature> latest = new LinkedHashMap<>();
    final List<String> disagreements = new ArrayList<>();
    volatile @Nullable String held;
    @Nullable NodeLog log;

    void apply(String line) {
      String[] f = line.split("\t", 3);
      switch (f[0]) {
        case "c" -> {
          if (f.length == 3) {
            try {
              Cosignature c = Cosignature.parse(Base64.getUrlDecoder().decode(f[2]));
              Cosignature before = latest.get(f[1]);
              if (before == null || before.size() <= c.size()) {
                latest.put(f[1], c);
              }
            } catch (IllegalArgumentException e) {
              // a line torn by a crash
            }
          }
        }
        case "hold" -> held = f.length > 1 ? f[1] : "held";
        case "go" -> held = null;
        default -> { }
      }
    }
  }

  public Witnesses(NodeStore store, SafeClient client, Clock clock) {
    this.store = store;
    this.client = client;
    this.clock = clock;
  }

  /** True while {@code h} is held: cheap, for the outbox to ask before each delivery. */
  public boolean isHeld(HostedCollective h) {
    return state(h).held != null;
  }

  /**
   * Asks each of {@code h}'s witnesses for the newest checkpoint of {@code h} it verified, and
   * holds {@code h} if one is larger than its ledger, or has another root at its size: the disk was
   * rolled back, or the ledger forked. A witness that cannot be reached, or has none, changes
   * nothing. Completes with the status once every witness answered or failed.
   */
  public Future<WitnessStatus> ask(HostedCollective h) {
    List<String> witnesses = List.copyOf(status(h).cosigned().keySet());
    List<Future<Void>> asked = new ArrayList<>();
    AtomicInteger answered = new AtomicInteger();
    for (String w : witnesses) {
      URI u = URI.create(w + "/witnessed?of=" + URLEncoder.encode(h.actor().toString(), StandardCharsets.UTF_8));
      HttpMessage get = HttpMessage.request("GET", u, new byte[0]).with("accept", "application/json");
      asked.add(client.send(get, m -> HttpSignatures.sign(m, HttpSignatures.Scheme.CAVAGE, h.keyId(),
          h.keys().rsaPrivate(), clock.instant())).<Void>map(r -> {
            if (r.status() == 200 || r.status() == 404) {
              answered.incrementAndGet();
            }
            if (r.status() == 200) {
              compare(h, w, SignedCheckpoint.parse(r.body()));
            }
            return null;
          }).recover(e -> {
            LOG.info("Could not ask {} what it saw of {}: {}", w, h.id(), e.getMessage());
            return Future.succeededFuture();
          }));
    }
    return Future.join(asked).transform(x -> {
      waitIfTooFewAnswered(h, witnesses.size(), answered.get());
      return Future.succeededFuture(status(h));
    });
  }

  /** The agreement may say a collective waits while too few witnesses can be asked ({@code witness-unreachable = wait}). */
  private void waitIfTooFewAnswered(HostedCollective h, int known, int answered) {
    Parameters p = h.collective().agreements().parameters();
    int required = Math.max(1, p.get(Parameter.WITNESS_COSIGNATURES));
    if (known > 0 && answered < required && p.get(Parameter.WITNESS_UNREACHABLE).equals("wait")) {
      hold(h, "only " + answered + " of its " + known + " witnesses could be asked, and its agreement waits for "
          + required);
    }
  }

  private void compare(HostedCollective h, String witness, SignedCheckpoint theirs) {
    Ledger ledger = h.collective().ledger();
    if (!ledger.keys().verifies(theirs) || !theirs.checkpoint().collective().equals(h.collectiveId())) {
      return; // not ours: nothing to learn from it
    }
    long size = theirs.checkpoint().size();
    if (size > ledger.size()) {
      hold(h, witness + " verified " + size + " entries of this ledger, which has " + ledger.size()
          + ": it was rolled back");
    } else if (!ledger.root(size).equals(theirs.checkpoint().root())) {
      hold(h, witness + " verified another history of this ledger at " + size + " entries");
    }
  }

  private State state(HostedCollective h) {
    return states.computeIfAbsent(h.id(), id -> {
      State s = new State();
      s.log = store.log(id + "/witnesses", Witnesses::live);
      s.log.replay(s::apply);
      tell(h, s);
      return s;
    });
  }

  /**
   * Tells the collective what its witnesses cosigned, for its health report and agenda: the
   * largest size at least as many witnesses cosigned as its agreement asks (any one, if it asks
   * none), when, and by how many.
   */
  private static void tell(HostedCollective h, State s) {
    int required = Math.max(1, h.collective().agreements().parameters().get(Parameter.WITNESS_COSIGNATURES));
    List<Cosignature> all = new ArrayList<>(s.latest.values());
    all.sort(Comparator.comparingLong(Cosignature::size).reversed());
    for (Cosignature c : all) {
      long atLeast = all.stream().filter(o -> o.size() >= c.size()).count();
      if (atLeast >= required) {
        h.collective().witnessed(new Witnessing(c.size(), c.time(), (int) atLeast));
        return;
      }
    }
    Cosignature newest = all.isEmpty() ? null : all.get(0);
    h.collective().witnessed(newest == null ? Witnessing.NONE : new Witnessing(0, newest.time(), all.size()));
  }

  static List<String> live(List<String> lines) {
    State s = new State();
    lines.forEach(s::apply);
    List<String> out = new ArrayList<>();
    s.latest.forEach((w, c) -> out.add(line(w, c)));
    if (s.held != null) {
      out.add("hold\t" + s.held);
    }
    return out;
  }

  private static String line(String witness, Cosignature c) {
    return "c\t" + witness + "\t" + Base64.getUrlEncoder().withoutPadding().encodeToString(c.toBytes());
  }

  /**
   * A cosignature {@code witness} (the authenticated sender) sent of {@code h}'s checkpoint: kept if
   * it names that witness, verifies, and fits {@code h}'s ledger (the same root at that size); one
   * that does not fit is a disagreement: the witness saw another history. Returns what came of it.
   */
  public synchronized String offered(HostedCollective h, String witness, Cosignature c) {
    State s = state(h);
    Ledger ledger = h.collective().ledger();
    if (!c.collective().equals(h.collectiveId()) || !c.witness().equals(witness)) {
      return "not a cosignature of " + h.collectiveId() + " by " + witness;
    }
    if (c.size() > ledger.size() || !ledger.root(c.size()).equals(c.root())) {
      String why = witness + " cosigned a checkpoint of size " + c.size() + " that this ledger (" + ledger.size()
          + " entries) does not have";
      s.disagreements.add(why);
      hold(h, why);
      return why;
    }
    if (!c.signatureVerifies()) {
      return "the cosignature does not verify";
    }
    Cosignature before = s.latest.get(witness);
    if (before == null || before.size() <= c.size()) {
      s.log.append(line(witness, c));
      s.latest.put(witness, c);
      tell(h, s);
    }
    return "kept";
  }

  /** As {@link #offered(HostedCollective, String, Cosignature)}, from the cosignature's canonical JSON. */
  public String offered(HostedCollective h, String witness, String text) {
    Cosignature c;
    try {
      c = Cosignature.parse(text.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return "not a cosignature: " + e.getMessage();
    }
    return offered(h, witness, c);
  }

  /** Holds {@code h}: its history is not what its witnesses saw. Durable, until {@link #carryOn}. */
  public synchronized void hold(HostedCollective h, String why) {
    State s = state(h);
    if (s.held == null) {
      s.log.append("hold\t" + why.replace('\t', ' ').replace('\n', ' '));
      s.held = why;
      LOG.error("Holding {}: {}. An operator decides whether it carries on.", h.id(), why);
    }
  }

  /** An operator's decision that {@code h} carries on despite its witnesses; logged. */
  public synchronized void carryOn(HostedCollective h, String decision) {
    State s = state(h);
    s.log.append("go\t" + decision.replace('\t', ' ').replace('\n', ' '));
    s.held = null;
    LOG.warn("{} carries on, by decision: {}", h.id(), decision);
  }

  /** The witnesses {@code h} has, with what they cosigned. */
  public synchronized WitnessStatus status(HostedCollective h) {
    State s = state(h);
    Map<String, Long> sizes = new LinkedHashMap<>();
    Instant last = null;
    for (Map.Entry<String, Cosignature> e : s.latest.entrySet()) {
      sizes.put(e.getKey(), e.getValue().size());
      if (last == null || e.getValue().time().isAfter(last)) {
        last = e.getValue().time();
      }
    }
    return new WitnessStatus(sizes, last, s.held, List.copyOf(s.disagreements));
  }
}
