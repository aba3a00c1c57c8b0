package coop.lattice.collective;

import coop.lattice.ledger.CollectiveId;
import coop.lattice.ledger.MemberId;
import coop.lattice.ledger.VerificationKey;
import java.util.Map;

/**
 * An immutable snapshot of everything the ledger's entries add up to. Two collectives whose
 * ledgers hold the same entries have equal states: replaying a ledger into a fresh collective
 * gives an equal state.
 *
 * @param id the collective
 * @param name its name
 * @param key its public key
 * @param size how many entries the state folds
 * @param members every member who ever joined, by id
 * @param contributions every contribution, by the entry that recorded it
 */
public record CollectiveState(
    CollectiveId id, String name, VerificationKey key, long size,
    Map<MemberId, Member> members, Map<Long, ContributionRecord> contributions) {
  public CollectiveState {
    members = Map.copyOf(members);
    contributions = Map.copyOf(contributions);
  }
}
