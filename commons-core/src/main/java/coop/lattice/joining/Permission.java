package coop.lattice.joining;

/**
 * What a newcomer may do only once members trust them, when an agreement says so ({@code
 * trust-permissions}, from {@code trust-threshold} members on).
 */
public enum Permission {
  /** Acknowledging a contribution they received. */
  ACKNOWLEDGE("acknowledge a contribution"),
  /** Proposing an agreement, an amendment or a renewal. */
  PROPOSE("make a proposal"),
  /** Acting as a steward of the mutual aid fund: approving, declining and paying out claims. */
  STEWARD("act as a steward");

  private final String doing;

  Permission(String doing) {
    this.doing = doing;
  }

  /** What it lets a member do, in words ("make a proposal"). */
  public String doing() {
    return doing;
  }
}
