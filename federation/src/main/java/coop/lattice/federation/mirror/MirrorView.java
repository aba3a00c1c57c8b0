package coop.lattice.federation.mirror;

import static com.google.common.base.Preconditions.checkArgument;

import coop.lattice.agreement.Parameters;
import coop.lattice.collective.CollectiveState;
import coop.lattice.federation.MirroredLedger;
import coop.lattice.collective.Replica;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.merkle.ConsistencyProof;
import coop.lattice.merkle.Hash;
import coop.lattice.merkle.InclusionProof;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A {@link MirroredLedger} over a {@link MirrorCopy}: each read under the copy's lock. */
final class MirrorView implements MirroredLedger {
  private final MirrorCopy copy;

  MirrorView(MirrorCopy copy) {
    this.copy = copy;
  }

  @Override
  public long size() {
    synchronized (copy) {
      return copy.tree.size();
    }
  }

  @Override
  public Optional<SignedCheckpoint> verified() {
    return Optional.ofNullable(copy.verified);
  }

  @Override
  public Entry entry(long index) {
    return LedgerJson.decode(entryBytes(index), Entry.class);
  }

  @Override
  public byte[] entryBytes(long index) {
    synchronized (copy) {
      checkArgument(index >= 0 && index < copy.tree.size(), "no entry %s in a copy of %s entries", index,
          copy.tree.size());
      return copy.entries.read(index);
    }
  }

  @Override
  public Hash root(long size) {
    synchronized (copy) {
      return copy.tree.root(size);
    }
  }

  @Override
  public InclusionProof inclusionProof(long index, long size) {
    synchronized (copy) {
      return copy.tree.inclusionProof(index, size);
    }
  }

  @Override
  public ConsistencyProof consistencyProof(long size1, long size2) {
    synchronized (copy) {
      return copy.tree.consistencyProof(size1, size2);
    }
  }

  @Override
  public CollectiveState state() {
    synchronized (copy) {
      return copy.replica.state();
    }
  }

  @Override
  public Parameters parameters(Instant at) {
    synchronized (copy) {
      return copy.replica.parameters(at);
    }
  }

  @Override
  public List<Replica.Unread> unread() {
    synchronized (copy) {
      return copy.replica.unread();
    }
  }
}
