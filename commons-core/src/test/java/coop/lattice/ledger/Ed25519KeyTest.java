package coop.lattice.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The collective's keys give RFC 8032's signatures, byte for byte, and interoperate with the JDK's Ed25519. */
class Ed25519KeyTest {
  private static final HexFormat HEX = HexFormat.of();

  /** RFC 8032 section 7.1, TEST 1 and TEST 2. */
  @Test
  void signaturesAreRfc8032sTestVectors() {
    assertVector("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    assertVector("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
  }

  private static void assertVector(String seed, String publicKey, String message, String signature) {
    CollectiveKey key = CollectiveKey.fromSeed(HEX.parseHex(seed));
    assertThat(HEX.formatHex(key.verificationKey().raw())).isEqualTo(publicKey);
    byte[] sig = key.sign(HEX.parseHex(message));
    assertThat(HEX.formatHex(sig)).isEqualTo(signature);
    assertThat(VerificationKey.of(HEX.parseHex(publicKey)).verify(HEX.parseHex(message), sig)).isTrue();
  }

  /** What the JDK signs, the collective's key verifies, and the other way round. */
  @Property(tries = 200)
  void jdkAndCollectiveKeysAgree(@ForAll @Size(max = 600) byte[] message) throws Exception {
    KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(jdk.getPrivate());
    s.update(message);
    byte[] jdkSignature = s.sign();
    VerificationKey theirs = VerificationKey.of(jdk.getPublic());
    assertThat(theirs.verify(message, jdkSignature)).isTrue();
    jdkSignature[message.length % 64] ^= 1;
    assertThat(theirs.verify(message, jdkSignature)).isFalse();

    CollectiveKey ours = CollectiveKey.generate();
    byte[] signature = ours.sign(message);
    Signature v = Signature.getInstance("Ed25519");
    v.initVerify(ours.verificationKey().publicKey());
    v.update(message);
    assertThat(v.verify(signature)).isTrue();
  }

  @Test
  void aKeyThatIsNotACurvePointIsRefusedWhenMade() {
    // y = 2 has no x on edwards25519 (2 is not a valid y: (y^2 - 1)/(d y^2 + 1) is not a square).
    byte[] notAPoint = new byte[32];
    notAPoint[0] = 2;
    assertThatThrownBy(() -> VerificationKey.of(notAPoint))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a point of the curve");
  }

  @Test
  void aSignatureOfTheWrongLengthIsFalseNotAnError() {
    CollectiveKey key = CollectiveKey.generate();
    assertThat(key.verificationKey().verify(new byte[1], new byte[63])).isFalse();
  }
}
