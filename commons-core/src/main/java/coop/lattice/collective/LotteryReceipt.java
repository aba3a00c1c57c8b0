package coop.lattice.collective;

import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.KeyHistory;
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
    return checkpoint.verify(key) && covers(lottery, commitment);
  }

  /**
   * As {@link #shows(VerificationKey, long, String)}, with the keys of the ledger ({@code
   * ledger.keys()}, or a copy's): the checkpoint signed by the key of its size, so a receipt given
   * before the ledger's key changed still shows what it showed.
   */
  public boolean shows(KeyHistory keys, long lottery, String commitment) {
    return keys.verifies(checkpoint) && covers(lottery, commitment);
  }

  private boolean covers(long lottery, String commitment) {
    return proof.leafIndex() == entry.sequence()
        && proof.treeSize() == checkpoint.checkpoint().size()
        && Ledger.verifyInclusion(entry.canonicalBytes(), proof, checkpoint.checkpoint().root())
        && entry.event() instanceof Event.LotteryCommitted c
        && c.lottery() == lottery
        && c.commitment().equals(commitment);
  }
}
