package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.rotation.Slot;
import org.jspecify.annotations.Nullable;

/**
 * A hand-over proposed on the responsibility map and not yet accepted: cover when {@code
 * inReturn} is null, a swap otherwise. Nothing on the map changes until {@code to} accepts.
 *
 * @param entry the ledger entry of the proposal, what {@code acceptHandOver} names
 * @param slot the slot {@code from} holds and hands over
 * @param from who holds it now
 * @param to who is asked to take it
 * @param inReturn for a swap, the slot {@code to} holds and gives back; null for cover
 * @param note the proposer's note, as written
 */
public record PendingHandOver(long entry, Slot slot, MemberId from, MemberId to, @Nullable Slot inReturn,
    String note) {}
