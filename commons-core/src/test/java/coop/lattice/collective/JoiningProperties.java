package coop.lattice.collective;

import static coop.lattice.collective.People.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.joining.Permission;
import coop.lattice.ledger.Appearance;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Through the ledger, in any order: a newcomer gains the permissions the agreement names exactly
 * when the number of distinct members who trust them reaches the threshold in force (which an
 * amendment may raise or lower on the way), and is new until then where the agreement says so.
 * Trusting oneself, twice, or someone already trusted is refused and changes nothing. A reference
 * model written here counts the distinct trusters.
 */
class JoiningProperties {
  static final List<MemberId> ESTABLISHED = IntStream.range(0, 6).mapToObj(i -> MemberId.of("m" + i)).toList();
  static final MemberId NEWCOMER = MemberId.of("newcomer");

  /**
   * @param threshold the trust threshold at first
   * @param attempts who tries to trust the newcomer, in order (an index past the established
   *     members is the newcomer themselves)
   * @param changeAt before which attempt the threshold changes; past the end for never
   * @param changedTo the threshold after the change
   */
  record Scenario(int threshold, List<Integer> attempts, int changeAt, int changedTo) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Combinators.combine(Arbitraries.integers().between(1, 5),
        Arbitraries.integers().between(0, ESTABLISHED.size()).list().ofMaxSize(10),
        Arbitraries.integers().between(0, 12), Arbitraries.integers().between(1, 5)).as(Scenario::new);
  }

  @Property(tries = 60, seed = "20271201")
  void permissionsComeExactlyWhenDistinctTrustReachesTheThresholdInForce(@ForAll("scenarios") Scenario s) {
    SteppingClock clock = SteppingClock.startingAt("2027-03-01T09:00:00Z", Duration.ofMinutes(1));
    Collective coop = Collective.found(CollectiveId.of("riverside"), "Riverside", ESTABLISHED.get(0),
        Appearance.byName("m0"), LedgerStore.inMemory(), KEY, clock);
    for (MemberId m : ESTABLISHED.subList(1, ESTABLISHED.size())) {
      coop.admit(ESTABLISHED.get(0), m, m.value().equals("m3") ? Appearance.onlyInAggregates()
          : Appearance.byName(m.value()));
    }
    Adopt.adopt(coop, clock, ESTABLISHED.get(0), Adopt.terms("way-in").set(Parameter.TRUST_THRESHOLD.name(),
        String.valueOf(s.threshold())).set(Parameter.NEWCOMER_UNTIL.name(), "trusted").build());
    coop.admit(ESTABLISHED.get(1), NEWCOMER, Appearance.byName("Newcomer"));

    Set<MemberId> model = new HashSet<>();
    int threshold = s.threshold();
    for (int i = 0; i < s.attempts().size(); i++) {
      if (i == s.changeAt()) {
        amend(coop, clock, s.changedTo());
        threshold = s.changedTo();
      }
      int who = s.attempts().get(i);
      MemberId by = who < ESTABLISHED.size() ? ESTABLISHED.get(who) : NEWCOMER;
      long size = coop.ledger().size();
      boolean accepted = false;
      if (by.equals(NEWCOMER)) {
        assertThatThrownBy(() -> coop.joining().trust(by, NEWCOMER)).isInstanceOf(NotPermittedException.class);
      } else if (model.contains(by) || model.size() >= threshold) {
        assertThatThrownBy(() -> coop.joining().trust(by, NEWCOMER)).isInstanceOf(ConflictException.class);
      } else {
        coop.joining().trust(by, NEWCOMER);
        model.add(by);
        accepted = true;
      }
      assertThat(coop.ledger().size()).as("a refusal appends nothing").isEqualTo(size + (accepted ? 1 : 0));
      boolean trusted = model.size() >= threshold;
      TrustStanding standing = coop.joining().standing(NEWCOMER);
      assertThat(standing.trustedBy()).isEqualTo(model.size());
      assertThat(standing.may(Permission.PROPOSE)).as("after %s of %s", model.size(), threshold).isEqualTo(trusted);
      assertThat(coop.isNewcomer(NEWCOMER, clock.instant())).isEqualTo(!trusted);
    }
    boolean trusted = model.size() >= threshold;
    if (trusted) {
      coop.agreements().propose(NEWCOMER, Adopt.terms("bikes").build(), "");
    } else {
      assertThatThrownBy(() -> coop.agreements().propose(NEWCOMER, Adopt.terms("bikes").build(), ""))
          .isInstanceOf(NotPermittedException.class).hasMessageContaining((threshold - model.size()) + " more");
    }
    Replica replayed = Replica.of(coop.ledger()); // a copy folds to the same trust
    assertThat(replayed.size()).isEqualTo(coop.ledger().size());
  }

  /** Amends the way-in agreement to ask for {@code threshold} members' trust. */
  static void amend(Collective coop, SteppingClock clock, int threshold) {
    AgreementRecord current = coop.agreements().agreement(AgreementId.of("way-in")).orElseThrow();
    long p = coop.agreements().proposeAmendment(ESTABLISHED.get(0), current.hash(), current.terms().toBuilder()
        .set(Parameter.TRUST_THRESHOLD.name(), String.valueOf(threshold)).build(), false, "");
    for (MemberId m : ESTABLISHED.subList(1, ESTABLISHED.size())) {
      coop.agreements().respond(m, p, Response.CONSENT, "");
    }
    clock.advance(Duration.ofDays(8));
    coop.agreements().decide(ESTABLISHED.get(0), p, "amended");
  }
}
