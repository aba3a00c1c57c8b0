package coop.lattice.circle;

import coop.lattice.internal.Names;

/** A standing circle's identifier, such as {@code "care-circle"}. */
public record CircleId(String value) {
  public CircleId {
    Names.slug("circle id", value);
  }

  public static CircleId of(String value) {
    return new CircleId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
