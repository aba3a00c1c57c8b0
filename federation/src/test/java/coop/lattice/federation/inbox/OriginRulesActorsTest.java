package coop.lattice.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.federation.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Flags and blocks apply to every actor an activity carries, not only to its own. */
class OriginRulesActorsTest {
  @Test
  void theActorsOfWrappedActivitiesAndObjectsAreAllFound() throws Exception {
    var announce = Json.parseObject(("{\"id\":\"https://a.example/an/1\",\"type\":\"Announce\","
        + "\"actor\":\"https://a.example/bob\",\"object\":{\"type\":\"Create\",\"actor\":{\"id\":"
        + "\"https://a.example/mallory\"},\"object\":{\"type\":\"Note\",\"attributedTo\":["
        + "\"https://a.example/eve\",{\"id\":\"https://b.example/ann\"}]}}}")
        .getBytes(StandardCharsets.UTF_8));
    assertThat(OriginRules.actors(announce)).containsExactly("https://a.example/bob", "https://a.example/mallory",
        "https://a.example/eve", "https://b.example/ann");
  }

  @Test
  void anObjectGivenByItsIdAloneCarriesNoActors() throws Exception {
    var like = Json.parseObject("{\"id\":\"https://a.example/l/1\",\"type\":\"Like\",\"actor\":\"https://a.example/bob\",\"object\":\"https://c.example/n/1\"}"
        .getBytes(StandardCharsets.UTF_8));
    assertThat(OriginRules.actors(like)).containsExactly("https://a.example/bob");
  }
}
