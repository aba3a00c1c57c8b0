package coop.lattice.federation;

import coop.lattice.ledger.RecoveryRequest;

/**
 * A partner's request to countersign the recovery of its ledger key, which this node's copy of its
 * ledger backs, waiting for a member of the witness collective to say whether to countersign it
 * ({@code key-recovery-witness: ask-members}).
 *
 * @param partner the partner's actor, who asked
 * @param request what it asks to be countersigned
 */
public record WaitingRequest(String partner, RecoveryRequest request) {}
