package coop.lattice.joining;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The trust rule against a model written here from docs/joining.md, case by case. */
class TrustRuleProperties {
  static final Instant JOINED = Instant.parse("2027-03-01T09:00:00Z");
  static final Duration WINDOW = Duration.ofDays(90);

  @Provide
  Arbitrary<Set<Permission>> permissions() {
    return Arbitraries.subsetOf(Permission.values());
  }

  @Property
  void aPermissionWaitsOnlyForANewcomerWhoNeedsTrustAndHasTooFew(@ForAll @IntRange(max = 8) int threshold,
      @ForAll("permissions") Set<Permission> named, @ForAll Permission what, @ForAll boolean needsTrust,
      @ForAll @IntRange(max = 10) int trusters) {
    TrustRule rule = new TrustRule(threshold, named, NewcomerUntil.WINDOW);
    boolean waits = needsTrust && named.contains(what) && trusters < threshold;
    assertThat(rule.permits(what, needsTrust, trusters)).isEqualTo(!waits);
    assertThat(rule.stillNeeded(trusters)).isEqualTo(trusters >= threshold ? 0 : threshold - trusters);
  }

  @Property
  void aMemberIsNewAsTheAgreementSays(@ForAll @IntRange(max = 4) int threshold, @ForAll NewcomerUntil until,
      @ForAll boolean needsTrust, @ForAll @IntRange(max = 5) int trusters, @ForAll @IntRange(min = -5, max = 400) int day) {
    TrustRule rule = new TrustRule(threshold, EnumSet.allOf(Permission.class), until);
    Instant at = JOINED.plus(Duration.ofDays(day));
    boolean joinedYet = day >= 0;
    boolean inWindow = joinedYet && day < 90;
    boolean untrusted = trusters < threshold;
    boolean model;
    if (!joinedYet) {
      model = false;
    } else if (threshold == 0 || !needsTrust || until == NewcomerUntil.WINDOW) {
      model = inWindow;
    } else if (until == NewcomerUntil.TRUSTED) {
      model = untrusted;
    } else {
      model = untrusted && inWindow;
    }
    assertThat(rule.isNew(JOINED, at, WINDOW, needsTrust, trusters)).isEqualTo(model);
  }

  @Example
  void withoutAThresholdNothingWaits() {
    for (Permission p : Permission.values()) {
      assertThat(TrustRule.NONE.permits(p, true, 0)).isTrue();
    }
    assertThat(new TrustRule(0, EnumSet.allOf(Permission.class), NewcomerUntil.TRUSTED).permits(Permission.PROPOSE,
        true, 0)).isTrue();
  }
}
