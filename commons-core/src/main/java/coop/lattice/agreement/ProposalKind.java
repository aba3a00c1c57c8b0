package coop.lattice.agreement;

/** What a proposal asks for. */
public enum ProposalKind {
  /** Adopt a new agreement; decided by the rule the agreement itself names. */
  ADOPT,
  /** Amend the current version; decided by the rule of the version it amends. */
  AMEND,
  /** Renew the current version unchanged at its review, with a new review date. */
  RENEW
}
