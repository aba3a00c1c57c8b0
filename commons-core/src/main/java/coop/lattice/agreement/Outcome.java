package coop.lattice.agreement;

/** How a proposal ended. */
public enum Outcome {
  /** Adopted: the agreement (or its new version) is in force. */
  ADOPTED,
  /** Not adopted under its decision rule; the full trail stays visible. */
  NOT_ADOPTED,
  /** Withdrawn by the proposer. */
  WITHDRAWN
}
