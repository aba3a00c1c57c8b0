package coop.lattice.testkit;

import coop.lattice.MemberId;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Response;
import coop.lattice.collective.Collective;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.CollectiveSecret;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Keys and agreements for tests of a ledger key's rotation and recovery: keys and secrets from a
 * small number (the same number, the same key), and agreements adopted by consent, one member
 * proposing, another consenting, the week of the window passing on the clock.
 *
 * <pre>{@code
 * Collective coop = Collective.openToRecover(store, KeyChanges.secret(9), KeyChanges.key(2), clock);
 * KeyChanges.adoptKey(coop, ana, bo, clock, KeyChanges.key(2), 2);   // ledger-key, two countersignatures
 * }</pre>
 */
public final class KeyChanges {
  private KeyChanges() {}

  /** The key whose seed is 32 bytes of {@code n}. */
  public static CollectiveKey key(int n) {
    return CollectiveKey.fromSeed(filled(n));
  }

  /** The collective secret of 32 bytes of {@code n}. */
  public static CollectiveSecret secret(int n) {
    return CollectiveSecret.fromBytes(filled(n));
  }

  /**
   * The members of {@code coop} adopt {@code next} as its ledger's key ({@code ledger-key}), with
   * {@code countersignatures} partners to countersign its recovery.
   */
  public static void adoptKey(Collective coop, MemberId proposer, MemberId consents, coop.lattice.time.SteppingClock clock,
      CollectiveKey next, int countersignatures) {
    adopt(coop, proposer, consents, clock, AgreementTerms.builder(AgreementId.of("ledger-key"), "Our ledger key")
        .text("We recover our ledger's key with our partners.").scope("ledger")
        .set("ledger-key", next.verificationKey().base64Url())
        .set("key-recovery-countersignatures", Integer.toString(countersignatures)));
  }

  /** The members of {@code coop} adopt an agreement that sets {@code parameter} to {@code value}. */
  public static void agree(Collective coop, MemberId proposer, MemberId consents, coop.lattice.time.SteppingClock clock,
      String parameter, String value) {
    adopt(coop, proposer, consents, clock, AgreementTerms.builder(AgreementId.of(parameter), "Setting " + parameter)
        .text("We set " + parameter + ".").scope("partners").set(parameter, value));
  }

  private static void adopt(Collective coop, MemberId proposer, MemberId consents, coop.lattice.time.SteppingClock clock,
      AgreementTerms.Builder terms) {
    long p = coop.agreements().propose(proposer, terms.reviewOn(LocalDate.ofInstant(clock.instant(), clock.getZone())
        .plusYears(2)).rule(DecisionRule.consent(Duration.ofDays(7))).build(), "");
    coop.agreements().respond(consents, p, Response.CONSENT, "");
    clock.advance(Duration.ofDays(8));
    coop.agreements().decide(proposer, p, "adopted");
  }

  private static byte[] filled(int n) {
    byte[] b = new byte[32];
    Arrays.fill(b, (byte) n);
    return b;
  }
}
