package coop.lattice.federation.inbox;

import org.slf4j.event.Level;

/**
 * Why the inbox refused an activity: the HTTP status it answers, a short tag for the {@code
 * lattice.inbox.rejected} meter (a fixed set, so the meter's cardinality is bounded whatever
 * senders put in their requests), and the level the refusal is logged at.
 *
 * <p>Refusals of requests nobody has authenticated yet are logged at DEBUG: anyone can send them,
 * as fast as they like, and an INFO line for each would let them flood the log. Those an operator
 * should act on are louder: a linked partner's trade step that this collective's rules refused
 * (WARN). Some are logged where more is known: key fetches by {@code KeyCache}, storage failures
 * by {@code Acceptance} (once when it starts and once when it ends), unexpected failures by
 * {@code Arrival.guard} with their stack trace.
 */
enum Reason {
  /** The body is over the cap (413). */
  TOO_LARGE(413, "too-large", Level.DEBUG),
  /** Not a JSON object within the limits, no id, type or actor, or a Content-Length that is no number (400). */
  MALFORMED(400, "malformed", Level.DEBUG),
  /** Over the rate an address or an origin may send at (429, with Retry-After). */
  RATE_LIMITED(429, "rate-limited", Level.DEBUG),
  /** Sent with a {@code Host} that is not this node's authority (421 Misdirected Request). */
  MISDIRECTED(421, "misdirected", Level.DEBUG),
  /** No signature, or one that is malformed, out of its date window, covers too little or does not verify (401). */
  SIGNATURE(401, "signature", Level.DEBUG),
  /** The activity, its actor, its key or an embedded object on different origins (401). */
  ORIGIN(401, "origin", Level.DEBUG),
  /** An activity claiming this node's origin whose actor is no collective hosted here (403). */
  OWN_ORIGIN(403, "own-origin", Level.DEBUG),
  /** From a flagged actor (403); the flag itself was logged at WARN when it was set. */
  FLAGGED(403, "flagged", Level.DEBUG),
  /** From a blocked actor or domain, or carrying one's activity (403). */
  BLOCKED(403, "blocked", Level.DEBUG),
  /** Addressed to no collective on this node (404). */
  NOT_ADDRESSED(404, "not-addressed", Level.DEBUG),
  /** The signing key could not be obtained (401); {@code KeyCache} logs why. */
  KEY(401, "key", Level.DEBUG),
  /** The key belongs to someone other than the actor (401). */
  KEY_OWNER(401, "key-owner", Level.DEBUG),
  /** Not JSON-LD that reads offline with the bundled contexts (400). */
  NOT_LINKED_DATA(400, "json-ld", Level.DEBUG),
  /** An object proof that does not verify with a key the actor owns (401). */
  PROOF(401, "proof", Level.DEBUG),
  /** A change to an object the actor does not own (403). */
  NOT_OWNER(403, "not-owner", Level.DEBUG),
  /** An update of a deleted object (410). */
  GONE(410, "gone", Level.DEBUG),
  /** An update no newer than the version held (409). */
  STALE(409, "stale", Level.DEBUG),
  /** An answer to a follow never sent to that actor, or a Follow of someone else (422). */
  UNSOLICITED(422, "unsolicited", Level.DEBUG),
  /** A follower whose actor has no inbox on its own origin (422). */
  NO_INBOX(422, "no-inbox", Level.DEBUG),
  /** A proof of equivocation that does not verify with the key held for the flagged ledger (422). */
  EVIDENCE(422, "evidence", Level.DEBUG),
  /** A linked partner's trade step that the collective's rules refused (422): the two ledgers disagree. */
  TRADE_STEP(422, "trade-step", Level.WARN),
  /**
   * A partner's trade step that arrived before the offer it names (503, with Retry-After): the
   * offer is most likely still on its way, so the partner sends the step again.
   */
  EARLY_STEP(503, "early-step", Level.DEBUG),
  /** A partner's request to countersign the recovery of its ledger key that this node's copy of its ledger does not back (422). */
  KEY_RECOVERY(422, "key-recovery", Level.WARN),
  /** The accepted activity could not be stored (503); {@code Acceptance} logs the failure. */
  STORE(503, "store", Level.DEBUG),
  /** A failure nobody expected (500); logged with its stack trace where it was caught. */
  INTERNAL(500, "internal", Level.DEBUG);

  private final int status;
  private final String tag;
  private final Level level;

  Reason(int status, String tag, Level level) {
    this.status = status;
    this.tag = tag;
    this.level = level;
  }

  int status() {
    return status;
  }

  /** The meter's {@code reason} tag. */
  String tag() {
    return tag;
  }

  Level level() {
    return level;
  }
}
