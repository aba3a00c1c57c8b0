package coop.lattice.merkle;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A hash's base64 by the byte is exactly its base64 by the string, and is read back strictly. */
class HashTextTest {
  @Test
  void writesAndReadsTheBase64UrlTheStringFormHas() {
    SplittableRandom random = new SplittableRandom(43);
    byte[] text = new byte[50];
    for (int i = 0; i < 100_000; i++) {
      byte[] b = new byte[Hash.SIZE];
      for (int k = 0; k < b.length; k++) {
        b[k] = (byte) random.nextInt(256);
      }
      Hash h = Hash.of(b);
      String s = h.base64Url();
      assertThat(s).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(b)).hasSize(Hash.BASE64_URL_LENGTH);
      int off = i % 7;
      assertThat(h.base64Url(text, off)).isEqualTo(Hash.BASE64_URL_LENGTH);
      assertThat(new String(text, off, Hash.BASE64_URL_LENGTH, US_ASCII)).isEqualTo(s);
      assertThat(Hash.fromBase64Url(text, off, Hash.BASE64_URL_LENGTH)).isEqualTo(h).isEqualTo(Hash.fromBase64(s));
    }
  }

  @Test
  void readsOnlyThatForm() {
    String good = Hash.sha256(new byte[] {1, 2, 3}).base64Url();
    assertThat(Hash.fromBase64Url(good.getBytes(US_ASCII), 0, 43)).isEqualTo(Hash.fromBase64(good));
    for (String bad : new String[] {
        good.substring(0, 42) + (char) (good.charAt(42) ^ 1), // bits over in the last character
        good + "=", good.substring(0, 42), "+" + good.substring(1), "/" + good.substring(1),
        good.substring(0, 20) + "." + good.substring(21), good.substring(0, 20) + "\u00e9".substring(0, 1)
            + good.substring(21)}) {
      byte[] b = bad.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThatThrownBy(() -> Hash.fromBase64Url(b, 0, b.length)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
