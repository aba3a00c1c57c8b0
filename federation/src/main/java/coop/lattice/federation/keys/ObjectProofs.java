package coop.lattice.federation.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.canonical.CanonicalJson;
import coop.lattice.canonical.CanonicalWriter;
import coop.lattice.federation.http.Algorithm;
import coop.lattice.federation.http.Digests;
import coop.lattice.federation.http.SignatureRejected;
import coop.lattice.federation.json.Json;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SortedMap;

/**
 * FEP-8b32 object integrity proofs with the {@code eddsa-jcs-2022} cryptosuite: the document
 * (without its proof) and the proof configuration are each canonicalized with RFC 8785, hashed
 * with SHA-256, and the two hashes, configuration first, are signed with Ed25519; the signature
 * is carried as base58btc multibase. Signing and verifying work on the exact JSON, never on a
 * JSON-LD reading of it.
 *
 * <p>Numbers are read as RFC 8785 (and I-JSON) reads them, as IEEE 754 doubles, and written as
 * ECMAScript writes them ({@link CanonicalJson#encodeForeign(Object)}): {@code 21.5}, {@code
 * 2.15E1} and {@code 21.50} are one number, {@code 1E-7} is written {@code 1e-7}, and an integer
 * beyond 2<sup>53</sup> becomes the nearest double, as {@code JSON.stringify} gives it. So another
 * server's proof over a document with fractions verifies here. A number beyond the range of
 * doubles ({@code 1e400}) has no canonical form, and a proof over it is refused.
 */
public final class ObjectProofs {
  static final String SUITE = "eddsa-jcs-2022";
  /** The most base58 digits a 64-byte Ed25519 signature takes; a longer proof value is refused unread. */
  private static final int MAX_SIGNATURE_DIGITS = 88;

  private ObjectProofs() {}

  /** A copy of {@code doc} with a proof by {@code verificationMethod} (an Ed25519 Multikey id). */
  public static ObjectNode sign(ObjectNode doc, String verificationMethod, PrivateKey key, Instant created) {
    ObjectNode unsecured = doc.deepCopy();
    unsecured.remove("proof");
    ObjectNode config = Json.object();
    if (unsecured.has("@context")) {
      config.set("@context", unsecured.get("@context"));
    }
    config.put("type", "DataIntegrityProof");
    config.put("cryptosuite", SUITE);
    config.put("verificationMethod", verificationMethod);
    config.put("proofPurpose", "assertionMethod");
    config.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
    byte[] signature = Algorithm.ED25519.sign(key, hashData(JcsTree.members(config), JcsTree.members(unsecured)));
    ObjectNode proof = config.deepCopy();
    proof.remove("@context");
    proof.put("proofValue", "z" + ActorKeys.base58(signature));
    ObjectNode secured = unsecured.deepCopy();
    secured.set("proof", proof);
    return secured;
  }

  /** The proof's verification method (a key id), to fetch the key by. */
  public static String verificationMethod(ObjectNode doc) throws SignatureRejected {
    JsonNode proof = doc.get("proof");
    if (proof == null || !proof.isObject()) {
      throw new SignatureRejected("the object has no proof");
    }
    return Json.text(proof, "verificationMethod").orElseThrow(() -> new SignatureRejected(
        "the proof names no verificationMethod"));
  }

  /** Verifies {@code doc}'s proof with {@code key}; throws unless it is an {@code eddsa-jcs-2022} proof that verifies. */
  public static void verify(ObjectNode doc, PublicKey key) throws SignatureRejected {
    JsonNode proof = doc.get("proof");
    if (proof == null || !proof.isObject()) {
      throw new SignatureRejected("the object has no proof");
    }
    if (!"DataIntegrityProof".equals(Json.text(proof, "type").orElse(""))
        || !SUITE.equals(Json.text(proof, "cryptosuite").orElse(""))
        || !"assertionMethod".equals(Json.text(proof, "proofPurpose").orElse(""))) {
      throw new SignatureRejected("only DataIntegrityProof with " + SUITE + " for assertionMethod is accepted");
    }
    String value = Json.text(proof, "proofValue").orElse("");
    byte[] signature;
    try {
      if (!value.startsWith("z") || value.length() > 1 + MAX_SIGNATURE_DIGITS) {
        throw new GeneralSecurityException("not base58btc of a 64-byte signature");
      }
      signature = ActorKeys.unbase58(value.substring(1));
    } catch (GeneralSecurityException e) {
      throw new SignatureRejected("the proofValue is not base58btc multibase");
    }
    SortedMap<String, JsonNode> unsecured = JcsTree.members(doc); // the document's own values, not a copy
    unsecured.remove("proof");
    JsonNode ld = unsecured.get("signature");
    if (ld != null && ld.isObject() && "RsaSignature2017".equals(Json.text(ld, "type").orElse(""))) {
      // Mastodon-style Linked Data signatures are attached after the proof, over the proof too.
      unsecured.remove("signature");
    }
    SortedMap<String, JsonNode> config = JcsTree.members(proof);
    config.remove("proofValue");
    if (unsecured.containsKey("@context")) {
      if (config.containsKey("@context") && !config.get("@context").equals(unsecured.get("@context"))) {
        throw new SignatureRejected("the proof's @context differs from the document's");
      }
      config.put("@context", unsecured.get("@context"));
    }
    byte[] data;
    try {
      data = hashData(config, unsecured);
    } catch (IllegalArgumentException e) {
      throw new SignatureRejected("the document has no canonical form here: " + e.getMessage());
    }
    if (!Algorithm.ED25519.verify(key, data, signature)) {
      throw new SignatureRejected("the object's proof does not verify");
    }
  }

  private static byte[] hashData(SortedMap<String, JsonNode> config, SortedMap<String, JsonNode> unsecured) {
    byte[] a = Digests.sha256(JcsTree.canonical(config));
    byte[] b = Digests.sha256(JcsTree.canonical(unsecured));
    byte[] out = new byte[64];
    System.arraycopy(a, 0, out, 0, 32);
    System.arraycopy(b, 0, out, 32, 32);
    return out;
  }
}
