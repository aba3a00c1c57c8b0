package coop.lattice.finance;

import coop.lattice.internal.Names;

/**
 * What money came in or went out for, such as {@code "rent"}, {@code "tools"} or {@code
 * "donations"}. When an agreement declares the collective's categories ({@code finance-categories}),
 * only those are booked.
 */
public record Category(String value) {
  public Category {
    Names.slug("category", value);
  }

  public static Category of(String value) {
    return new Category(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
