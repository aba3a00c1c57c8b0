package coop.lattice.sortition;

import java.util.List;

/**
 * No panel of the requested size meets every quota. The message says which quotas clash and
 * why, in the collective's words ("only 2 candidates are in neighbourhood north, but its quota
 * asks for at least 3"); {@link #quotas()} lists the quotas that cannot all be met together (an
 * irreducible set: drop any one of them and the rest can be met).
 */
public final class InfeasibleQuotasException extends SortitionException {
  private static final long serialVersionUID = 1L;

  private final transient List<Quota> quotas;

  public InfeasibleQuotasException(String message, List<Quota> quotas) {
    super(message);
    this.quotas = List.copyOf(quotas);
  }

  /** The quotas that cannot all be met together; drop any one and the others can be. */
  public List<Quota> quotas() {
    return quotas;
  }
}
