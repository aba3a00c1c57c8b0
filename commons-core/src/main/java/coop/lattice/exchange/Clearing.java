package coop.lattice.exchange;

import coop.lattice.CollectiveId;
import coop.lattice.Unit;
import coop.lattice.internal.Names;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Clears cycles of debt between collectives: where A owes B, B owes C and C owes A, each owes
 * the next a little less, by the smallest debt on the cycle. Nobody's net position changes (what
 * a collective is owed minus what it owes, per unit), no new debt appears between collectives
 * that had none, and no debt grows; debts only shrink or vanish.
 *
 * <p>The search is one depth-first pass per unit that cancels each cycle as it closes and backs
 * up only to the edge that emptied: every cancelled cycle empties at least one debt and a
 * collective whose debts all lead to finished collectives is never visited again, so the work is
 * about (collectives + debts) times the length of the cycles found. Amounts are exact: at most
 * three decimal places, as everywhere in the ledger.
 *
 * <p>Each collective records its part of a cycle as one entry ({@link Leg}), so the clearing is
 * on every ledger involved.
 *
 * <pre>{@code
 * Clearing.Result r = Clearing.clear("2026-12", debts);
 * for (Clearing.Leg leg : r.legsFor(CollectiveId.of("riverside-food-coop"))) {
 *   coop.trade().recordClearing(ana, leg);
 * }
 * }</pre>
 */
public final class Clearing {
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Clearing() {}

  /**
   * A cycle that was cleared: each collective in {@code collectives} owed the next (and the last
   * owed the first) {@code amount} less afterwards.
   */
  public record Cycle(String id, Unit unit, BigDecimal amount, List<CollectiveId> collectives) {
    public Cycle {
      collectives = List.copyOf(collectives);
    }
  }

  /**
   * One collective's part of a cleared cycle, as it records it on its own ledger: {@code debtor}
   * owes it {@code amount} less, and it owes {@code creditor} {@code amount} less.
   */
  public record Leg(String clearing, Unit unit, BigDecimal amount, CollectiveId debtor, CollectiveId creditor) {
    public Leg {
      Names.slug("a clearing's id", clearing);
      amount = Amounts.normalize(amount);
    }
  }

  /** The cycles cleared and the debts that remain, in order of debtor, creditor and unit. */
  public record Result(List<Cycle> cycles, List<Debt> remaining) {
    public Result {
      cycles = List.copyOf(cycles);
      remaining = List.copyOf(remaining);
    }

    /** The legs {@code collective} records: one for each cycle it is on. */
    public List<Leg> legsFor(CollectiveId collective) {
      List<Leg> out = new ArrayList<>();
      for (Cycle c : cycles) {
        List<CollectiveId> ring = c.collectives();
        int i = ring.indexOf(collective);
        if (i >= 0) {
          CollectiveId before = ring.get((i - 1 + ring.size()) % ring.size());
          CollectiveId after = ring.get((i + 1) % ring.size());
          out.add(new Leg(c.id(), c.unit(), c.amount(), before, after));
        }
      }
      return out;
    }

    /** The total cleared in {@code unit}, summed over the debts each cycle reduced. */
    public BigDecimal clearedVolume(Unit unit) {
      return cycles.stream().filter(c -> c.unit() == unit)
          .map(c -> c.amount().multiply(BigDecimal.valueOf(c.collectives().size())))
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /**
   * Clears every cycle in {@code debts}. Debts between the same two collectives in the same unit
   * are added together first; debts in opposite directions form a cycle of two and net out.
   *
   * @param id names this clearing; cycle {@code n} is called {@code id + "-" + n}
   */
  public static Result clear(String id, Collection<Debt> debts) {
    Names.slug("a clearing's id", id);
    Map<Unit, List<Debt>> byUnit = new EnumMap<>(Unit.class);
    for (Debt d : debts) {
      byUnit.computeIfAbsent(d.unit(), u -> new ArrayList<>()).add(d);
    }
    List<Cycle> cycles = new ArrayList<>();
    List<Debt> remaining = new ArrayList<>();
    for (Map.Entry<Unit, List<Debt>> e : byUnit.entrySet()) {
      new Graph(e.getKey(), e.getValue()).clear(id, cycles, remaining);
    }
    remaining.sort(Comparator.comparing((Debt d) -> d.debtor().value()).thenComparing(d -> d.creditor().value())
        .thenComparing(Debt::unit));
    return new Result(cycles, remaining);
  }

  /** One unit's debts as a graph of collectives, with amounts in thousandths. */
  private static final class Graph {
    private final Unit unit;
    private final CollectiveId[] nodes;
    private final int[] from;
    private final int[] to;
    private final long[] amount;
    private final int[][] out;

    Graph(Unit unit, List<Debt> debts) {
      this.unit = unit;
      Map<CollectiveId, Integer> index = new HashMap<>();
      debts.stream().flatMap(d -> Stream.of(d.debtor(), d.creditor())).distinct()
          .sorted(Comparator.comparing(CollectiveId::value)).forEach(c -> index.put(c, index.size()));
      nodes = new CollectiveId[index.size()];
      index.forEach((c, i) -> nodes[i] = c);
      Map<Long, Integer> edgeOf = new HashMap<>();
      List<long[]> edges = new ArrayList<>();
      for (Debt d : debts) {
        int f = index.get(d.debtor());
        int t = index.get(d.creditor());
        long thousandths = d.amount().multiply(THOUSAND).longValueExact();
        Integer k = edgeOf.putIfAbsent(((long) f << 32) | t, edges.size());
        if (k == null) {
          edges.add(new long[] {f, t, thousandths});
        } else {
          edges.get(k)[2] = Math.addExact(edges.get(k)[2], thousandths);
        }
      }
      edges.sort(Comparator.comparingLong((long[] x) -> x[0]).thenComparingLong(x -> x[1]));
      from = new int[edges.size()];
      to = new int[edges.size()];
      amount = new long[edges.size()];
      int[] degree = new int[nodes.length];
      for (int i = 0; i < from.length; i++) {
        from[i] = (int) edges.get(i)[0];
        to[i] = (int) edges.get(i)[1];
        amount[i] = edges.get(i)[2];
        degree[from[i]]++;
      }
      out = new int[nodes.length][];
      for (int n = 0; n < nodes.length; n++) {
        out[n] = new int[degree[n]];
      }
      int[] fill = new int[nodes.length];
      for (int i = 0; i < from.length; i++) {
        out[from[i]][fill[from[i]]++] = i;
      }
    }

    void clear(String id, List<Cycle> cycles, List<Debt> remaining) {
      final int unseen = 0;
      final int onPath = 1;
      final int done = 2;
      int n = nodes.length;
      int[] state = new int[n];
      int[] next = new int[n]; // per node, the next out-edge to look at
      int[] path = new int[n]; // nodes on the current path
      int[] via = new int[n]; // via[k]: the edge from path[k] to path[k + 1]
      int[] depth = new int[n]; // where a node on the path sits in it
      for (int start = 0; start < n; start++) {
        if (state[start] != unseen) {
          continue;
        }
        int top = 0;
        path[0] = start;
        state[start] = onPath;
        depth[start] = 0;
        while (top >= 0) {
          int u = path[top];
          int[] edges = out[u];
          while (next[u] < edges.length && (amount[edges[next[u]]] == 0 || state[to[edges[next[u]]]] == done)) {
            next[u]++;
          }
          if (next[u] == edges.length) {
            state[u] = done;
            top--;
            continue;
          }
          int e = edges[next[u]];
          int v = to[e];
          if (state[v] == unseen) {
            via[top] = e;
            path[++top] = v;
            state[v] = onPath;
            depth[v] = top;
            continue;
          }
          // v is on the path: path[depth[v]] .. path[top], then back to v, is a cycle.
          via[top] = e;
          int first = depth[v];
          long min = Long.MAX_VALUE;
          for (int k = first; k <= top; k++) {
            min = Math.min(min, amount[via[k]]);
          }
          List<CollectiveId> ring = new ArrayList<>(top - first + 1);
          int emptied = -1;
          for (int k = first; k <= top; k++) {
            amount[via[k]] -= min;
            ring.add(nodes[path[k]]);
            if (amount[via[k]] == 0 && emptied < 0) {
              emptied = k;
            }
          }
          cycles.add(new Cycle(id + "-" + (cycles.size() + 1), unit, BigDecimal.valueOf(min, 3), ring));
          // Back up to the node whose edge emptied; those above it are explored again later.
          for (int k = top; k > emptied; k--) {
            state[path[k]] = unseen;
          }
          top = emptied;
        }
      }
      for (int i = 0; i < amount.length; i++) {
        if (amount[i] > 0) {
          remaining.add(new Debt(nodes[from[i]], nodes[to[i]], unit, BigDecimal.valueOf(amount[i], 3)));
        }
      }
    }
  }

  /** Each collective's net position per unit: what it is owed minus what it owes. */
  public static Map<CollectiveId, Map<Unit, BigDecimal>> netPositions(Collection<Debt> debts) {
    Map<CollectiveId, Map<Unit, BigDecimal>> out = new HashMap<>();
    for (Debt d : debts) {
      out.computeIfAbsent(d.creditor(), c -> new EnumMap<>(Unit.class)).merge(d.unit(), d.amount(), BigDecimal::add);
      out.computeIfAbsent(d.debtor(), c -> new EnumMap<>(Unit.class)).merge(d.unit(), d.amount().negate(),
          BigDecimal::add);
    }
    out.values().forEach(m -> m.replaceAll((u, a) -> Amounts.normalize(a)));
    return out;
  }
}
