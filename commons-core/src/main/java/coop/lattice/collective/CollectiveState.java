package coop.lattice.collective;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.agreement.AgreementId;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.VerificationKey;
import coop.lattice.merkle.Hash;
import coop.lattice.rotation.Lottery;
import coop.lattice.rotation.LotteryV1;
import coop.lattice.rotation.Plan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
 * @param agreements every version of every agreement, by agreement
 * @param proposals every proposal with its trail and decision, by the entry that made it
 * @param accepted for each member, the highest version of each agreement they accepted
 * @param plan the responsibility map as it stands, or null if none was published
 * @param lotteries every drawn lottery, by the entry that announced it
 * @param lotteriesV1 every {@code lattice-lottery-v1} draw a ledger recorded before issue 20, by the
 *     entry that announced it
 * @param circleMeetings every circle meeting, by its entry
 * @param tensions every tension raised, by its entry, with whether a meeting took it up
 * @param exchanges the time bank, offers and requests, trade, the aid fund and the tool library
 * @param unread for a copy of a partner's ledger, the entries a newer version of Lattice wrote,
 *     which it holds verified but could not fold ({@link Replica#unread()}); empty for a
 *     collective's own state
 */
public record CollectiveState(
    CollectiveId id, String name, VerificationKey key, long size,
    Map<MemberId, Member> members, Map<Long, ContributionRecord> contributions,
    Map<AgreementId, List<AgreementRecord>> agreements, Map<Long, ProposalRecord> proposals,
    Map<MemberId, Map<AgreementId, Long>> accepted, @Nullable Plan plan,
    Map<Long, Lottery.Transcript> lotteries, Map<Long, LotteryV1.Transcript> lotteriesV1,
    Map<Long, Event.CircleMeetingHeld> circleMeetings, Map<Long, Boolean> tensions,
    ExchangeState exchanges, List<Replica.Unread> unread) {
  public CollectiveState {
    unread = List.copyOf(unread);
    members = Map.copyOf(members);
    contributions = Map.copyOf(contributions);
    Map<AgreementId, List<AgreementRecord>> a = new HashMap<>();
    agreements.forEach((k, v) -> a.put(k, List.copyOf(v)));
    agreements = Map.copyOf(a);
    proposals = Map.copyOf(proposals);
    accepted = Map.copyOf(accepted);
    lotteries = Map.copyOf(lotteries);
    lotteriesV1 = Map.copyOf(lotteriesV1);
    circleMeetings = Map.copyOf(circleMeetings);
    tensions = Map.copyOf(tensions);
  }

  /**
   * The SHA-256 of this state's canonical JSON: two copies of one ledger at the same size have
   * the same digest, in any process, and copies whose states differ in anything this record holds
   * have different ones; compare it to check a mirror against another without sending the state.
   * It covers what this record holds (members, contributions, agreements, proposals, the plan,
   * lotteries, circles, exchanges, unread entries); polls, finances, sign-ups and applications
   * are read through their facets and are not in it (the ledger's root covers every entry). A collective's
   * own state names members by the application's ids and a copy by the ledger's handles, so the two
   * differ; compare copies with copies ({@code Replica}). Computed on each call: O(state).
   */
  public Hash digest() {
    return StateDigest.of(this);
  }
}
