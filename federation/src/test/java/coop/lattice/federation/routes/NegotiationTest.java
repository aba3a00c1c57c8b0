package coop.lattice.federation.routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Browsers get pages, servers get ActivityPub JSON, at the same addresses; weights decide. */
class NegotiationTest {
  @Test
  void browsersGetThePage() {
    assertThat(Negotiation.of("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
        .isEqualTo(Negotiation.Answer.PAGE);
    assertThat(Negotiation.of("text/html")).isEqualTo(Negotiation.Answer.PAGE);
    assertThat(Negotiation.of("text/*, application/activity+json;q=0.5")).isEqualTo(Negotiation.Answer.PAGE);
  }

  @Test
  void serversGetJson() {
    assertThat(Negotiation.of("application/activity+json, application/ld+json")).isEqualTo(Negotiation.Answer.JSON);
    assertThat(Negotiation.of("application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""))
        .isEqualTo(Negotiation.Answer.JSON);
    assertThat(Negotiation.of("*/*")).as("a tie goes to JSON").isEqualTo(Negotiation.Answer.JSON);
    assertThat(Negotiation.of("text/html;q=0.5, application/activity+json")).isEqualTo(Negotiation.Answer.JSON);
  }

  @Test
  void neitherIsAnswered406() {
    assertThat(Negotiation.of(null)).isEqualTo(Negotiation.Answer.NEITHER);
    assertThat(Negotiation.of("image/png")).isEqualTo(Negotiation.Answer.NEITHER);
    assertThat(Negotiation.of("text/html;q=0, application/json;q=0")).isEqualTo(Negotiation.Answer.NEITHER);
    assertThat(Negotiation.of("text/html;q=abc")).isEqualTo(Negotiation.Answer.NEITHER);
  }
}
