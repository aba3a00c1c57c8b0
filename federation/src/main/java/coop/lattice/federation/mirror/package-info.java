/**
 * Interlocking with partners' ledgers. {@link coop.lattice.federation.mirror.LedgerMirror} keeps a
 * verified copy of a partner's ledger (signed checkpoint, strict canonical entries, chain links,
 * the collective's rules, Merkle root) and flags a partner that equivocates ({@link
 * coop.lattice.federation.mirror.Flags}, for good), keeping the proof ({@link
 * coop.lattice.federation.mirror.Evidence}: two signed checkpoints no one ledger has, which any node
 * holding the key can check, and which it passes on in a {@code Flag}); {@link coop.lattice.federation.mirror.LedgerPage}
 * is the page of entries a node serves to mirrors; {@link coop.lattice.federation.mirror.MirrorCopy}
 * is a partner's copy, {@link coop.lattice.federation.mirror.PartnerPages} reads a partner's pages,
 * and {@link coop.lattice.federation.mirror.TrustMemory} keeps, durably, the keys and the newest
 * checkpoint each copy was verified against, so a fork is found after a restart too; a copy follows
 * the partner's changes of key, and takes a recovery only if a collective known here countersigned
 * it ({@code RecoveryVouching}). {@code RepairIntake} takes a partner's declared repair; {@link
 * coop.lattice.federation.mirror.RecoveryWitness} says whether a copy backs a partner's request to
 * countersign the recovery of its key. {@link
 * coop.lattice.federation.mirror.TradeRelay} decides which of a linked partner's entries are
 * commands here (a step of this collective's own trade, addressed to it) and turns them into
 * commands on this collective's ledger, recorded by its appointed relay, with the trade's identity;
 * {@link coop.lattice.federation.mirror.TradeCounterparts} addresses this collective's own trade
 * steps to the counterpart alone ({@code TradeStep} reads a step the same way for both). Not
 * exported: internal to the federation module.
 */
@NullMarked
package coop.lattice.federation.mirror;

import org.jspecify.annotations.NullMarked;
