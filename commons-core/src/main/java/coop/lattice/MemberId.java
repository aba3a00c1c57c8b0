package coop.lattice;

import coop.lattice.internal.Names;

/**
 * How the ledger names a member: a short stable identifier such as {@code "ana"} or {@code
 * "m-0042"}. What other people see is chosen separately, with an {@link coop.lattice.ledger.Appearance}.
 */
public record MemberId(String value) implements Comparable<MemberId> {
  public MemberId {
    Names.slug("member id", value);
  }

  public static MemberId of(String value) {
    return new MemberId(value);
  }

  @Override
  public int compareTo(MemberId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
