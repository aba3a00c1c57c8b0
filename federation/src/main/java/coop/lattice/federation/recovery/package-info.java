/**
 * The recovery of a collective's lost ledger key with its partners, over ActivityPub: the
 * collective's members adopt a new key under their own rule ({@code ledger-key} in an agreement),
 * its partners countersign that its ledger, up to the newest checkpoint the lost key signed,
 * continues under the new key, and the collective records the recovery with their
 * countersignatures ({@code coop.lattice.collective.LedgerKeys}).
 *
 * <ul>
 *   <li>{@code KeyRecovery}: asking partners, answering a partner as its witness (checked by the
 *       mirror's {@code RecoveryWitness}), and keeping the countersignatures that come back;
 *   <li>{@code Countersignatures}: what each asking collective has heard back.
 * </ul>
 */
package coop.lattice.federation.recovery;
