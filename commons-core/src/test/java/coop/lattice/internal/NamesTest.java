package coop.lattice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Identifiers and free text are checked as the patterns they were first written as say. */
class NamesTest {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final String ALPHABET = "az09._-AZ /\u00e9\n\u0000";

  @Test
  void anIdentifierIsWhatThePatternTakes() {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(70);
      for (int k = 0; k < n; k++) {
        s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String v = s.toString();
      if (SLUG.matcher(v).matches()) {
        assertThat(Names.slug("id", v)).isSameAs(v);
      } else {
        assertThatThrownBy(() -> Names.slug("member id", v)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("member id \"" + v + "\" is not a valid identifier: use 1 to 64 lowercase letters, digits,"
                + " '.', '_' or '-', starting with a letter or digit");
      }
    }
  }

  @Test
  void freeTextMayHoldNewlinesAndTabsButNoOtherControlCharacters() {
    assertThat(Names.text("a note", "bread,\nrolls\tand \ud83c\udf5e", 20)).isEqualTo("bread,\nrolls\tand \ud83c\udf5e");
    assertThatThrownBy(() -> Names.text("a note", "a\rb", 20)).hasMessage("a note holds control characters");
    assertThatThrownBy(() -> Names.text("a note", "abc", 2)).hasMessage("a note is longer than 2 characters (3)");
  }
}
