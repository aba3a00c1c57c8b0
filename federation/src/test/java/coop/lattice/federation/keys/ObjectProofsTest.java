package coop.lattice.federation.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.federation.http.SignatureRejected;
import coop.lattice.federation.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** eddsa-jcs-2022 proofs: they verify, survive reordering and whitespace, and break on any change. */
class ObjectProofsTest {
  @Test
  void aProofVerifiesWhateverTheKeyOrderAndBreaksOnAnyChange() throws Exception {
    KeyPair k = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    ObjectNode doc = Json.parseObject(("{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"https://a.example/1\","
        + "\"type\":\"Create\",\"actor\":\"https://a.example/u\",\"object\":{\"type\":\"Note\",\"content\":\"caf\u00e9 \u2615\"}}")
        .getBytes(StandardCharsets.UTF_8));
    ObjectNode signed = ObjectProofs.sign(doc, "https://a.example/u#ed25519-key", k.getPrivate(),
        Instant.parse("2026-11-27T10:00:00Z"));
    assertThat(ObjectProofs.verificationMethod(signed)).isEqualTo("https://a.example/u#ed25519-key");
    assertThat(signed.path("proof").path("proofValue").asText()).startsWith("z");
    ObjectProofs.verify(signed, k.getPublic());

    ObjectNode reordered = Json.parseObject(("{\"proof\":" + signed.get("proof") + ",\"object\":" + signed.get("object")
        + ",\"type\":\"Create\",\"actor\":\"https://a.example/u\",\"id\":\"https://a.example/1\",\"@context\":"
        + signed.get("@context") + "}").getBytes(StandardCharsets.UTF_8));
    ObjectProofs.verify(reordered, k.getPublic());

    ObjectNode changed = signed.deepCopy();
    ((ObjectNode) changed.get("object")).put("content", "cafe");
    assertThatThrownBy(() -> ObjectProofs.verify(changed, k.getPublic())).isInstanceOf(SignatureRejected.class)
        .hasMessageContaining("does not verify");
    ObjectNode otherKey = signed.deepCopy();
    assertThatThrownBy(() -> ObjectProofs.verify(otherKey, KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
        .getPublic())).isInstanceOf(SignatureRejected.class);
    ObjectNode wrongSuite = signed.deepCopy();
    ((ObjectNode) wrongSuite.get("proof")).put("cryptosuite", "eddsa-rdfc-2022");
    assertThatThrownBy(() -> ObjectProofs.verify(wrongSuite, k.getPublic())).isInstanceOf(SignatureRejected.class)
        .hasMessageContaining("eddsa-jcs-2022");
    ObjectNode fraction = signed.deepCopy();
    fraction.put("x", 1.5);
    assertThatThrownBy(() -> ObjectProofs.verify(fraction, k.getPublic())).isInstanceOf(SignatureRejected.class)
        .hasMessageContaining("no canonical form");
  }
}
