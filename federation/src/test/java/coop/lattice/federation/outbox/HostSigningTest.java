package coop.lattice.federation.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.federation.http.Signing;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostSigningTest {
  static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
  final HostSigning host = new HostSigning(Duration.ofDays(1));

  @Test
  void aNewHostGetsRfc9421WithTheRsaKeyThatServersFindUnderPublicKey() {
    assertThat(host.next(T0)).isEqualTo(Signing.RFC9421_RSA);
  }

  @Test
  void aHostThatAsksForEd25519GetsItUntilItRefusesIt() {
    host.answered(Signing.RFC9421_RSA, true);
    assertThat(host.next(T0)).isEqualTo(Signing.RFC9421_ED25519);
    host.answered(Signing.RFC9421_ED25519, false); // answers without the field change nothing
    assertThat(host.next(T0)).isEqualTo(Signing.RFC9421_ED25519);
    host.refused(Signing.RFC9421_ED25519, true, T0);
    assertThat(host.next(T0)).isEqualTo(Signing.RFC9421_RSA);
  }

  @Test
  void aHostThatRefusesRfc9421IsSignedWithCavageAndAskedAgainADayLater() {
    host.refused(Signing.RFC9421_RSA, true, T0);
    assertThat(host.next(T0)).isEqualTo(Signing.CAVAGE_RSA);
    assertThat(host.next(T0.plus(Duration.ofHours(23)))).isEqualTo(Signing.CAVAGE_RSA);
    assertThat(host.next(T0.plus(Duration.ofDays(1)))).isEqualTo(Signing.RFC9421_RSA);
  }

  @Test
  void aRefusalThatCavageDidNotFixEitherDoesNotSettleOnCavage() {
    host.refused(Signing.RFC9421_RSA, false, T0);
    assertThat(host.next(T0)).isEqualTo(Signing.RFC9421_RSA);
  }

  @Test
  void askingForEd25519InAnAnswerToCavageDoesNotSwitchSchemes() {
    host.refused(Signing.RFC9421_RSA, true, T0);
    host.answered(Signing.CAVAGE_RSA, true);
    assertThat(host.next(T0)).isEqualTo(Signing.CAVAGE_RSA);
  }
}
