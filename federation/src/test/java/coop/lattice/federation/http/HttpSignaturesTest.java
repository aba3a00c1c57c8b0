package coop.lattice.federation.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both schemes under the inbox policy: what verifies, and every way a request is refused. */
class HttpSignaturesTest {
  static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  static KeyPair rsa;
  static KeyPair ed;
  final HttpSignatures policy = new HttpSignatures(Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    rsa = g.generateKeyPair();
    ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  static HttpMessage post() {
    return HttpMessage.request("POST", "http", "127.0.0.1:8080", "/collectives/food/inbox",
        "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(HttpSignatures.Scheme.class)
  void aSignedPostVerifiesWithRsaAndEd25519(HttpSignatures.Scheme scheme) throws Exception {
    for (KeyPair k : new KeyPair[] {rsa, ed}) {
      HttpMessage m = HttpSignatures.sign(post(), scheme, "http://peer/actor#main-key", k.getPrivate(), NOW);
      HttpSignatures.Signed s = policy.inspect(m);
      assertThat(s.keyId()).isEqualTo("http://peer/actor#main-key");
      assertThat(s.scheme()).isEqualTo(scheme);
      s.verify(k.getPublic());
    }
  }

  @ParameterizedTest
  @EnumSource(HttpSignatures.Scheme.class)
  void tamperedOrStaleRequestsAreRefused(HttpSignatures.Scheme scheme) throws Exception {
    HttpMessage m = HttpSignatures.sign(post(), scheme, "k", rsa.getPrivate(), NOW);
    HttpMessage otherBody = new HttpMessage(m.method(), m.scheme(), m.authority(), m.pathAndQuery(), m.headers(),
        "{\"type\":\"Delete\"}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> policy.inspect(otherBody)).isInstanceOf(SignatureRejected.class)
        .hasMessageContaining("digest does not match");

    HttpMessage otherPath = new HttpMessage(m.method(), m.scheme(), m.authority(), "/collectives/other/inbox",
        m.headers(), m.body());
    assertThatThrownBy(() -> policy.inspect(otherPath).verify(rsa.getPublic())).isInstanceOf(SignatureRejected.class)
        .hasMessageContaining("does not verify");

    assertThatThrownBy(() -> policy.inspect(m).verify(ed.getPublic())).isInstanceOf(SignatureRejected.class);

    HttpSignatures later = new HttpSignatures(Clock.fixed(NOW.plus(Duration.ofMinutes(61)), ZoneOffset.UTC));
    assertThatThrownBy(() -> later.inspect(m)).isInstanceOf(SignatureRejected.class).hasMessageContaining("outside");

    assertThatThrownBy(() -> policy.inspect(post())).isInstanceOf(SignatureRejected.class)
        .hasMessageContaining("no Signature");
  }

  @Test
  void weakKeysUnknownAlgorithmsAndThinCoverageAreRefused() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(1024);
    KeyPair weak = g.generateKeyPair();
    HttpMessage m = HttpSignatures.sign(post(), HttpSignatures.Scheme.CAVAGE, "k", weak.getPrivate(), NOW);
    assertThatThrownBy(() -> policy.inspect(m).verify(weak.getPublic())).isInstanceOf(SignatureRejected.class)
        .hasMessageContaining("1024 bits");

    HttpMessage hmac = m.with("signature", m.header("signature").orElseThrow().replace("rsa-sha256", "hmac-sha256"));
    assertThatThrownBy(() -> policy.inspect(hmac).verify(rsa.getPublic())).isInstanceOf(SignatureRejected.class)
        .hasMessageContaining("unsupported signature algorithm");

    HttpMessage noDigest = Cavage.sign(post().with("host", "127.0.0.1:8080")
        .with("date", HttpSignatures.HTTP_DATE.format(NOW)), "k", rsa.getPrivate(),
        java.util.List.of("(request-target)", "host", "date"));
    assertThatThrownBy(() -> policy.inspect(noDigest)).isInstanceOf(SignatureRejected.class)
        .hasMessageContaining("must cover digest");

    HttpMessage noTarget = Cavage.sign(post().with("host", "127.0.0.1:8080")
        .with("date", HttpSignatures.HTTP_DATE.format(NOW)).with("digest", Digests.digest(post().body())), "k",
        rsa.getPrivate(), java.util.List.of("host", "date", "digest"));
    assertThatThrownBy(() -> policy.inspect(noTarget)).isInstanceOf(SignatureRejected.class)
        .hasMessageContaining("(request-target)");
  }

  @Test
  void theFastDateParserAgreesWithTheGeneralOneAndDefersOnAnythingElse() {
    for (long t = 0; t < 4_000_000_000L; t += 86_399_917L) {
      Instant i = Instant.ofEpochSecond(t);
      assertThat(HttpSignatures.imfFixdate(HttpSignatures.HTTP_DATE.format(i))).isEqualTo(i);
    }
    assertThat(HttpSignatures.imfFixdate("Mon, 06 Nov 1994 08:49:37 GMT")).isNull(); // a Sunday
    assertThat(HttpSignatures.imfFixdate("Sunday, 06-Nov-94 08:49:37 GMT")).isNull();
    assertThat(HttpSignatures.imfFixdate("Sun, 06 Nov 1994 08:49:37 UTC")).isNull();
  }

  @Test
  void aLatticeInboxAsksForEd25519OverWhatLatticeSigns() {
    assertThat(HttpSignatures.ACCEPT_ED25519).isEqualTo(
        "sig1=(\"@method\" \"@target-uri\" \"content-digest\" \"content-type\" \"date\");alg=\"ed25519\"");
    assertThat(HttpSignatures.asksForEd25519(HttpSignatures.ACCEPT_ED25519)).isTrue();
  }

  @Test
  void onlyAnAcceptSignatureWithAlgEd25519AsksForIt() {
    assertThat(HttpSignatures.asksForEd25519("sig1=(\"@method\");alg=\"rsa-v1_5-sha256\"")).isFalse();
    assertThat(HttpSignatures.asksForEd25519("a=(\"@method\"), b=(\"@method\");alg=\"ed25519\"")).isTrue();
    assertThat(HttpSignatures.asksForEd25519("sig1=(\"@method\")")).isFalse();
    assertThat(HttpSignatures.asksForEd25519("not a dictionary")).isFalse();
    assertThat(HttpSignatures.asksForEd25519("")).isFalse();
    assertThat(HttpSignatures.asksForEd25519(null)).isFalse();
  }
}
