package coop.lattice;

import coop.lattice.internal.Names;

/**
 * What kind of help a contribution was. The common kinds are constants; a collective may use its
 * own ({@code ContributionKind.of("seed-saving")}).
 */
public record ContributionKind(String value) {
  public static final ContributionKind WORK = new ContributionKind("work");
  public static final ContributionKind CARE = new ContributionKind("care");
  public static final ContributionKind FOOD = new ContributionKind("food");
  public static final ContributionKind REPAIR = new ContributionKind("repair");
  public static final ContributionKind TOOLS = new ContributionKind("tools");
  public static final ContributionKind KNOWLEDGE = new ContributionKind("knowledge");
  public static final ContributionKind OTHER = new ContributionKind("other");

  public ContributionKind {
    Names.slug("contribution kind", value);
  }

  public static ContributionKind of(String value) {
    return new ContributionKind(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
