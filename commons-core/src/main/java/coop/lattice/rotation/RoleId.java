package coop.lattice.rotation;

import coop.lattice.internal.Names;

/** A role's stable identifier, such as {@code "facilitation"} or {@code "dishes"}. */
public record RoleId(String value) implements Comparable<RoleId> {
  public RoleId {
    Names.slug("role id", value);
  }

  public static RoleId of(String value) {
    return new RoleId(value);
  }

  @Override
  public int compareTo(RoleId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
