package coop.lattice.collective;

import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.Ledger;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.ledger.VerificationKey;
import coop.lattice.merkle.InclusionProof;

/**
 * What a member keeps to show that their lottery commitment is in the ledger: the entry, a proof
 * of its inclusion, and the checkpoint the collective signed over the ledger the proof is for.
 * Checked with nothing but the collective's public key (entry 0 names it), so a member need not
 * trust the node that handed it over.
 *
 * @param entry the commitment's entry
 * @param proof its RFC 9162 inclusion proof in the ledger of {@code checkpoint}'s size
 * @param checkpoint the collective's signed checkpoint
 */
public record LotteryReceipt(Entry entry, InclusionProof proof, SignedCheckpoint checkpoint) {
  /**
   * True when {@code key} signed the checkpoint, the proof is for this entry in the ledger the
   * checkpoint covers, and the entry is the commitment {@code commitment} to the lottery announced
   * at entry {@code lottery}. The ledger names whoever committed only by handle or tag; the
   * commitment, the hash of a nonce only its member knows, is what makes it theirs.
   */
  public boolean shows(VerificationKey key, long lottery, String commitment) {
    return checkpoint.verify(key)
        && proof.leafIndex() == entry.sequence()
        && proof.treeSize() == checkpoint.checkpoint().size()
        && Ledger.verifyInclusion(entry.canonicalBytes(), proof, checkpoint.checkpoint().root())
        && entry.event() instanceof Event.LotteryCommitted c
        && c.lottery() == lottery
        && c.commitment().equals(commitment);
  }
}
