package coop.lattice.federation.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Base58Test {
  /** The examples of draft-msporny-base58-03, section 5. */
  @Test
  void theDraftsExamples() {
    assertThat(Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("2NEpo7TZRRrLZSi2U");
    assertThat(Base58.encode("The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z");
    assertThat(Base58.encode(HexFormat.of().parseHex("0000287fb4cd"))).isEqualTo("11233QC4");
    assertThat(Base58.decode("11233QC4")).isEqualTo(HexFormat.of().parseHex("0000287fb4cd"));
    assertThat(new String(Base58.decode("2NEpo7TZRRrLZSi2U"), StandardCharsets.US_ASCII)).isEqualTo("Hello World!");
  }

  @Test
  void zerosAreOnesAndNothingIsNothing() {
    assertThat(Base58.encode(new byte[0])).isEmpty();
    assertThat(Base58.decode("")).isEmpty();
    assertThat(Base58.encode(new byte[3])).isEqualTo("111");
    assertThat(Base58.decode("111")).isEqualTo(new byte[3]);
    assertThat(Base58.decode("1")).isEqualTo(new byte[1]);
  }

  /** Against the arithmetic definition, worked with BigInteger, over random lengths and leading zeros. */
  @Test
  void agreesWithTheNumberItWrites() {
    SplittableRandom random = new SplittableRandom(58);
    for (int round = 0; round < 5_000; round++) {
      byte[] bytes = new byte[random.nextInt(0, 80)];
      random.nextBytes(bytes);
      for (int z = random.nextInt(0, 4); z > 0 && z <= bytes.length; z--) {
        bytes[z - 1] = 0;
      }
      String text = Base58.encode(bytes);
      assertThat(text).isEqualTo(reference(bytes));
      assertThat(Base58.decode(text)).isEqualTo(bytes);
    }
  }

  @Test
  void longInputsToo() {
    byte[] bytes = new byte[4_000];
    new SplittableRandom(4000).nextBytes(bytes);
    bytes[0] = 0;
    String text = Base58.encode(bytes);
    assertThat(text).isEqualTo(reference(bytes)).startsWith("1");
    assertThat(Base58.decode(text)).isEqualTo(bytes);
  }

  @Test
  void aProofValueOrAKeyTooLongToBeOneIsRefusedUnread() {
    assertThatThrownBy(() -> ActorKeys.fromMultibase("z" + "2".repeat(48)))
        .hasMessage("not an Ed25519 multikey: 49 characters");
  }

  @Test
  void aCharacterOutsideTheAlphabetIsNamed() {
    assertThatThrownBy(() -> Base58.decode("2NEpo0TZ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not base58: '0' at 5");
    assertThatThrownBy(() -> Base58.decode("zé")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not base58: 'é' at 1");
    assertThatThrownBy(() -> Base58.decode("l")).hasMessage("not base58: 'l' at 0");
  }

  private static String reference(byte[] bytes) {
    String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    StringBuilder b = new StringBuilder();
    for (BigInteger n = new BigInteger(1, bytes); n.signum() > 0; n = n.divide(BigInteger.valueOf(58))) {
      b.append(alphabet.charAt(n.mod(BigInteger.valueOf(58)).intValue()));
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      b.append('1');
    }
    return b.reverse().toString();
  }
}
