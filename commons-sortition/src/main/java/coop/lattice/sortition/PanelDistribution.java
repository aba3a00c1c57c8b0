package coop.lattice.sortition;

import coop.lattice.MemberId;
import coop.lattice.merkle.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A probability distribution over quota-feasible panels, with each candidate's exact probability
 * and a proven bound on how good the smallest could be. Fixed before the seed exists: its {@link
 * #hash()} goes into the lottery's announcement, so nobody can choose it after seeing the draw.
 *
 * <p>Candidates with the same group for every feature form a {@link Cell}. A {@link Composition}
 * says how many seats each cell takes and has a weight out of {@link Sortition#DENOMINATOR}; the
 * draw picks a composition by weight, then the members within each cell uniformly. So everyone
 * in a cell has the same probability, {@code sum over compositions of weight * seats / (2^40 *
 * cell size)}: an exact fraction, reported by {@link #probabilities()}.
 *
 * <p>Each {@link Level} is a claim that {@link Sortition#verify} proves in exact arithmetic. Level
 * j covers its own cells and those of every later level: the smallest probability among them is
 * {@code value}, and no distribution over quota-feasible panels that gives each cell of an earlier
 * level at least that level's value can give every covered cell more than {@code bound}. The
 * {@code certificate} is the proof: integer weights per person in each cell, and {@code best}, a
 * number no quota-feasible panel's total weight exceeds. For {@link Sortition.Method#MAXIMIN}
 * there is one level, and {@code bound - value} is how far the smallest probability can be from
 * the best possible. Cells in no level cannot be in any quota-feasible panel: their probability is
 * 0.
 *
 * @param procedure {@link Sortition#PROCEDURE}
 * @param method maximin or leximin
 * @param request what was asked
 * @param compositions the panels' shapes and their weights out of {@link Sortition#DENOMINATOR}
 * @param levels the proven claims, from the smallest probability up
 */
public record PanelDistribution(String procedure, Sortition.Method method, PanelRequest request,
    List<Composition> compositions, List<Level> levels) {

  public PanelDistribution {
    compositions = List.copyOf(compositions);
    levels = List.copyOf(levels);
  }

  /**
   * Candidates that are interchangeable as far as the quotas go.
   *
   * @param features feature to group
   * @param members sorted
   */
  public record Cell(Map<String, String> features, List<MemberId> members) {
    public Cell {
      features = Map.copyOf(features);
      members = List.copyOf(members);
    }
  }

  /**
   * How many seats each cell takes, in the order of {@link #cells()}, and how often.
   *
   * @param seats per cell
   * @param weight out of {@link Sortition#DENOMINATOR}
   */
  public record Composition(List<Integer> seats, long weight) {
    public Composition {
      seats = List.copyOf(seats);
    }

    int[] counts() {
      return seats.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /**
   * A proven claim about the smallest probability among some cells.
   *
   * @param cells indices into {@link #cells()}: the cells held at this level
   * @param value the smallest probability among these and later levels' cells, exactly
   * @param bound what no distribution can beat for all of those (given the earlier levels' values)
   * @param certificate weights per person, one per cell (0 outside this and earlier levels)
   * @param best the greatest certificate weight of any quota-feasible panel
   */
  public record Level(List<Integer> cells, Probability value, Probability bound, List<Long> certificate,
      BigInteger best) {
    public Level {
      cells = List.copyOf(cells);
      certificate = List.copyOf(certificate);
    }

    /** How far the value may be from the best possible: {@code bound - value}, exactly. */
    Rational gapExact() {
      return Rational.of(bound.numerator(), bound.denominator())
          .subtract(Rational.of(value.numerator(), value.denominator()));
    }

    /** {@code bound - value}, as a double for reports. */
    public double gap() {
      return gapExact().doubleValue();
    }
  }

  /** The cells, in canonical order: sorted by each feature's group, features in name order. */
  public List<Cell> cells() {
    Cells c = new Cells(request);
    List<Cell> out = new ArrayList<>();
    for (int t = 0; t < c.count; t++) {
      Map<String, String> f = new LinkedHashMap<>();
      for (int i = 0; i < c.features.size(); i++) {
        String row = c.rowName[c.cellRows[t][i]];
        f.put(c.features.get(i), row.substring(c.features.get(i).length() + 1));
      }
      out.add(new Cell(f, c.members.get(t)));
    }
    return out;
  }

  /** Each candidate's probability of being drawn, exactly, in the request's order. */
  public Map<MemberId, Probability> probabilities() {
    Cells c = new Cells(request);
    Rational[] perCell = perCell(c, compositions);
    Map<MemberId, Probability> out = new LinkedHashMap<>();
    for (Candidate candidate : request.candidates()) {
      out.put(candidate.member(), perCell[c.cellOf(candidate.member())].toProbability());
    }
    return out;
  }

  /** The smallest probability of any candidate who can be drawn at all: the maximin value. */
  public Probability minimum() {
    return levels.isEmpty() ? Probability.ZERO : levels.get(0).value();
  }

  /** A proven upper bound on the best {@link #minimum()} any distribution over quota-feasible panels can reach. */
  public Probability bound() {
    return levels.isEmpty() ? Probability.ZERO : levels.get(0).bound();
  }

  static Rational[] perCell(Cells c, List<Composition> compositions) {
    BigInteger[] seatsTimesWeight = new BigInteger[c.count];
    java.util.Arrays.fill(seatsTimesWeight, BigInteger.ZERO);
    for (Composition comp : compositions) {
      for (int t = 0; t < c.count && t < comp.seats().size(); t++) {
        seatsTimesWeight[t] = seatsTimesWeight[t].add(BigInteger.valueOf(comp.weight())
            .multiply(BigInteger.valueOf(comp.seats().get(t))));
      }
    }
    Rational[] out = new Rational[c.count];
    for (int t = 0; t < c.count; t++) {
      out[t] = Rational.of(seatsTimesWeight[t], BigInteger.valueOf(Sortition.DENOMINATOR)
          .multiply(BigInteger.valueOf(c.size[t])));
    }
    return out;
  }

  /**
   * SHA-256 over everything in the distribution, each field length-prefixed: what the lottery's
   * announcement names, so the distribution is fixed before the randomness exists.
   */
  public Hash hash() {
    MessageDigest md = SeedStream.sha256();
    field(md, Sortition.PROCEDURE + "/distribution");
    field(md, procedure);
    field(md, method.name());
    field(md, Integer.toString(request.seats()));
    for (Candidate c : request.candidates()) {
      StringBuilder s = new StringBuilder(c.member().value());
      c.features().forEach((f, g) -> s.append('\u0000').append(f).append('\u0000').append(g));
      field(md, s.toString());
    }
    field(md, "quotas");
    for (Quota q : request.quotas()) {
      field(md, q.feature() + "\u0000" + q.group() + "\u0000" + q.min() + "\u0000" + q.max());
    }
    field(md, "compositions");
    for (Composition comp : compositions) {
      field(md, comp.seats() + "\u0000" + comp.weight());
    }
    field(md, "levels");
    for (Level l : levels) {
      field(md, l.cells() + "\u0000" + l.value() + "\u0000" + l.bound() + "\u0000" + l.certificate() + "\u0000" + l.best());
    }
    return Hash.of(md.digest());
  }

  private static void field(MessageDigest md, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int n = b.length;
    md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    md.update(b);
  }
}
