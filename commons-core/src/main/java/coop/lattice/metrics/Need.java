package coop.lattice.metrics;

import coop.lattice.ContributionKind;
import coop.lattice.internal.Names;

/**
 * A need a community can meet for itself. The common ones are constants; a collective may name
 * its own ({@code Need.of("seed-library")}).
 */
public record Need(String value) implements Comparable<Need> {
  public static final Need FOOD = new Need("food");
  public static final Need CARE = new Need("care");
  public static final Need REPAIR = new Need("repair");
  public static final Need TOOLS = new Need("tools");
  public static final Need TRANSPORT = new Need("transport");
  public static final Need KNOWLEDGE = new Need("knowledge");
  public static final Need DISPUTE_RESOLUTION = new Need("dispute-resolution");
  public static final Need SECURITY = new Need("security");
  public static final Need HOUSING = new Need("housing");

  public Need {
    Names.slug("need", value);
  }

  public static Need of(String value) {
    return new Need(value);
  }

  /** The need a kind of contribution meets: the same name (food meets food), extensible kinds map to themselves. */
  public static Need metBy(ContributionKind kind) {
    return new Need(kind.value());
  }

  @Override
  public int compareTo(Need o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
