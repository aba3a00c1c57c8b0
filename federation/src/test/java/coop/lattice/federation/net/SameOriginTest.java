package coop.lattice.federation.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Origins are compared after normalization: case, a trailing dot, IDNA and the default port (Mastodon CVE-2023-42451). */
class SameOriginTest {
  @ParameterizedTest
  @CsvSource({
      "https://social.example/users/a, HTTPS://Social.Example/users/b, true",
      "https://social.example/users/a, https://social.example./users/b, true",
      "https://social.example/users/a, https://social.example:443/users/b, true",
      "http://social.example/users/a, http://social.example:80/users/b, true",
      "https://bücher.example/users/a, https://xn--bcher-kva.example/users/b, true",
      "https://social.example/users/a, http://social.example/users/b, false",
      "https://social.example/users/a, https://social.example:8443/users/b, false",
      "https://social.example/users/a, https://evil.example/users/b, false",
      "https://social.example/users/a, https://social.example.evil.example/users/b, false",
      "https://social.example/users/a, not a url, false"})
  void origins(String a, String b, boolean same) {
    assertThat(Origins.sameOrigin(a, b)).isEqualTo(same);
  }
}
