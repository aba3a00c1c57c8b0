package coop.lattice.exchange;

import coop.lattice.internal.Names;

/** A tool library item's id, such as {@code "ladder-3m"}. */
public record ItemId(String value) {
  public ItemId {
    Names.slug("item id", value);
  }

  public static ItemId of(String value) {
    return new ItemId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
