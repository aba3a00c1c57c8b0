/**
 * Delivery: a collective's ledger is its outbox. {@link coop.lattice.federation.outbox.Deliveries}
 * keeps a durable cursor per follower inbox and sends each entry's signed {@code Create} in order,
 * with retries, backoff and dead letters; {@link coop.lattice.federation.outbox.Broadcasts} sends
 * one-off activities (checkpoints, new keys) to every follower.
 *
 * <p>Along a delivery: {@code Deliveries} (which entry, when) -> {@code SignedEntries} (the
 * entry's {@code Create}, addressed to a trade step's counterpart beside the public, with its
 * object proof, made once) -> {@code HostBreaker} (may this host take one more now?) -> {@code
 * SignedPoster} (sign, POST, the double knock) -> {@link
 * coop.lattice.federation.outbox.DeliveryLog} (the cursor moves, or a dead letter is written,
 * keeping what {@code FailedAnswer} reads of the answer). The
 * log's line format has one owner, {@code DeliveryLines}. {@code DeliveryMeters} counts outcomes
 * and breakers; {@link coop.lattice.federation.outbox.Flow} says whether deliveries flow, measured
 * against a {@link coop.lattice.federation.outbox.FlowAlarm}, for the node's health check. Not
 * exported: internal to the federation module.
 */
@NullMarked
package coop.lattice.federation.outbox;

import org.jspecify.annotations.NullMarked;
