package coop.lattice.sortition;

import coop.lattice.LatticeException;

/**
 * The root of everything the sortition module refuses: a request that cannot stand as written
 * (two candidates with one id, a quota for a feature nobody has), quotas no panel can meet
 * ({@link InfeasibleQuotasException}), a draw from a seed that does not belong to the
 * distribution. Unchecked, and a {@link LatticeException}, so a caller that catches the core's
 * root catches these too.
 */
public class SortitionException extends LatticeException {
  private static final long serialVersionUID = 1L;

  public SortitionException(String message) {
    super(message);
  }
}
