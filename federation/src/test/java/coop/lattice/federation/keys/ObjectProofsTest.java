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
        .hasMessageContaining("does not verify");
  }

  /** A document from elsewhere with numbers: the same members, each number spelled in two ways. */
  private static final String WITH_NUMBERS = "{\"@context\":\"https://www.w3.org/ns/activitystreams\","
      + "\"id\":\"https://b.example/o/1\",\"type\":\"Note\",\"attributedTo\":\"https://b.example/u\","
      + "\"temperature\":21.5,\"readings\":{\"tiny\":1e-7,\"small\":0.000001,\"big\":1E21,"
      + "\"huge\":1152921504606846976},\"list\":[0.1,-0.0,2.50,333333333.33333329,-1.5e-7]}";
  private static final String RESPELLED = "{\"list\":[1e-1,0,2.5,333333333.3333333,-0.00000015],"
      + "\"readings\":{\"huge\":1152921504606847000,\"big\":1000000000000000000000,\"small\":1e-6,"
      + "\"tiny\":0.0000001},\"temperature\":2.15e1,\"attributedTo\":\"https://b.example/u\",\"type\":\"Note\","
      + "\"id\":\"https://b.example/o/1\",\"@context\":\"https://www.w3.org/ns/activitystreams\"}";

  /**
   * Numbers are canonicalized as RFC 8785 reads and writes them (IEEE 754 doubles, ECMAScript's
   * text), so a proof over fractions and exponents verifies whatever their spelling, and breaks when
   * a number changes by one ulp.
   */
  @Test
  void aProofOverFractionsAndExponentsVerifiesAndBreaksWhenANumberChanges() throws Exception {
    KeyPair k = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    ObjectNode doc = parse(WITH_NUMBERS);
    // What the proof covers: JSON.stringify's text of the parsed document, members sorted (Node 20).
    assertThat(new String(JcsTree.canonical(JcsTree.members(doc)), StandardCharsets.UTF_8)).isEqualTo(
        "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"attributedTo\":\"https://b.example/u\","
            + "\"id\":\"https://b.example/o/1\",\"list\":[0.1,0,2.5,333333333.3333333,-1.5e-7],"
            + "\"readings\":{\"big\":1e+21,\"huge\":1152921504606847000,\"small\":0.000001,\"tiny\":1e-7},"
            + "\"temperature\":21.5,\"type\":\"Note\"}");

    ObjectNode signed = ObjectProofs.sign(doc, "https://b.example/u#ed25519-key", k.getPrivate(),
        Instant.parse("2026-12-01T10:00:00Z"));
    ObjectProofs.verify(signed, k.getPublic());
    ObjectProofs.verify(parse(signed.toString()), k.getPublic()); // Jackson writes 1e-7 as 1.0E-7
    ObjectNode proof = (ObjectNode) signed.get("proof");
    ObjectProofs.verify(withProof(RESPELLED, proof), k.getPublic());

    ObjectNode warmer = signed.deepCopy();
    warmer.put("temperature", 21.6);
    assertThatThrownBy(() -> ObjectProofs.verify(warmer, k.getPublic())).isInstanceOf(SignatureRejected.class)
        .hasMessageContaining("does not verify");
    ObjectNode oneUlp = signed.deepCopy();
    ((ObjectNode) oneUlp.get("readings")).put("tiny", Math.nextUp(1e-7));
    assertThatThrownBy(() -> ObjectProofs.verify(oneUlp, k.getPublic())).isInstanceOf(SignatureRejected.class)
        .hasMessageContaining("does not verify");
    ObjectNode nextDouble = withProof(RESPELLED.replace("333333333.3333333", "333333333.3333334"), proof);
    assertThatThrownBy(() -> ObjectProofs.verify(nextDouble, k.getPublic())).isInstanceOf(SignatureRejected.class)
        .hasMessageContaining("does not verify");
    ObjectNode beyondDoubles = withProof(RESPELLED.replace("2.15e1", "1e400"), proof);
    assertThatThrownBy(() -> ObjectProofs.verify(beyondDoubles, k.getPublic())).isInstanceOf(SignatureRejected.class)
        .hasMessageContaining("no canonical form");
  }

  private static ObjectNode withProof(String json, ObjectNode proof) throws Exception {
    ObjectNode doc = parse(json);
    doc.set("proof", proof.deepCopy());
    return doc;
  }

  private static ObjectNode parse(String json) throws Exception {
    return Json.parseObject(json.getBytes(StandardCharsets.UTF_8));
  }
}
