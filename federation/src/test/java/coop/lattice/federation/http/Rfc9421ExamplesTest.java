package coop.lattice.federation.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * RFC 9421 Appendix B: the test request of B.2, signed with the Ed25519 key of B.1.4 (B.2.6) and
 * the shared secret of B.1.5 (B.2.5). Both algorithms are deterministic, so our signatures must
 * equal the RFC's byte for byte.
 */
class Rfc9421ExamplesTest {
  static final long CREATED = 1618884473L;

  static HttpMessage testRequest() {
    return HttpMessage.request("POST", "http", "example.com", "/foo?param=Value&Pet=dog",
        "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8))
        .with("host", "example.com").with("date", "Tue, 20 Apr 2021 02:07:55 GMT")
        .with("content-type", "application/json")
        .with("content-digest", "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:")
        .with("content-length", "18");
  }

  static PrivateKey ed25519Private() throws Exception {
    byte[] seed = Base64.getUrlDecoder().decode("n4Ni-HpISpVObnQMW0wOhCKROaIKqKtW_2ZYb2p9KcU");
    byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420" + HexFormat.of().formatHex(seed));
    return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
  }

  static PublicKey ed25519Public() throws Exception {
    byte[] x = Base64.getUrlDecoder().decode("JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs");
    byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(x));
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }

  @Test
  void b26Ed25519SignatureEqualsTheRfcsByteForByte() throws Exception {
    HttpMessage signed = Rfc9421.sign(testRequest(), "sig-b26",
        List.of("date", "@method", "@path", "@authority", "content-type", "content-length"), CREATED,
        "test-key-ed25519", null, Algorithm.ED25519, ed25519Private());
    assertThat(signed.header("signature-input")).contains("sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\""
        + " \"content-type\" \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"");
    assertThat(signed.header("signature")).contains("sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04"
        + "v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:");
    assertThat(new String(Rfc9421.base(signed, Rfc9421.parse(signed, "sig-b26").input()), StandardCharsets.UTF_8))
        .isEqualTo("\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n\"@method\": POST\n\"@path\": /foo\n"
            + "\"@authority\": example.com\n\"content-type\": application/json\n\"content-length\": 18\n"
            + "\"@signature-params\": (\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" "
            + "\"content-length\");created=1618884473;keyid=\"test-key-ed25519\"");
    assertThat(Rfc9421.verify(signed, "sig-b26", ed25519Public())).isTrue();
    assertThat(Rfc9421.verify(signed.with("content-type", "text/plain"), "sig-b26", ed25519Public())).isFalse();
  }

  @Test
  void b25HmacSignatureEqualsTheRfcsButIsNeverAcceptedFromAPeer() throws Exception {
    SecretKeySpec secret = new SecretKeySpec(Base64.getDecoder().decode("uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4"
        + "XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ=="), "HmacSHA256");
    HttpMessage signed = Rfc9421.sign(testRequest(), "sig-b25", List.of("date", "@authority", "content-type"), CREATED,
        "test-shared-secret", null, Algorithm.HMAC_SHA256, secret);
    assertThat(signed.header("signature")).contains("sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:");
    assertThat(Rfc9421.parse(signed, null).input().serialize())
        .isEqualTo("(\"date\" \"@authority\" \"content-type\");created=1618884473;keyid=\"test-shared-secret\"");

    HttpMessage declared = Rfc9421.sign(testRequest(), "sig-b25", List.of("date", "@authority", "content-type"),
        CREATED, "test-shared-secret", Algorithm.HMAC_SHA256, Algorithm.HMAC_SHA256, secret);
    HttpSignatures peerPolicy = new HttpSignatures(Clock.fixed(Instant.ofEpochSecond(CREATED), ZoneOffset.UTC));
    assertThatThrownBy(() -> peerPolicy.inspect(declared)).isInstanceOf(SignatureRejected.class)
        .hasMessageContaining("HMAC");
  }
}
