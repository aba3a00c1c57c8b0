package coop.lattice;

import coop.lattice.internal.Names;

/** A collective's stable identifier, such as {@code "riverside-food-coop"}. */
public record CollectiveId(String value) {
  public CollectiveId {
    Names.slug("collective id", value);
  }

  public static CollectiveId of(String value) {
    return new CollectiveId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
