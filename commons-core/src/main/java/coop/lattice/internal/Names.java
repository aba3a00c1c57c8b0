package coop.lattice.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.regex.Pattern;

/** Shared validation of identifiers and free text in entries. Unsupported outside Lattice. */
public final class Names {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private Names() {}

  public static String slug(String what, String value) {
    checkArgument(
        SLUG.matcher(value).matches(),
        "%s \"%s\" is not a valid identifier: use 1 to 64 lowercase letters, digits, '.', '_' or '-',"
            + " starting with a letter or digit",
        what,
        value);
    return value;
  }

  public static String text(String what, String value, int max) {
    checkArgument(value.length() <= max, "%s is longer than %s characters (%s)", what, max, value.length());
    checkArgument(value.codePoints().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t'),
        "%s holds control characters", what);
    return value;
  }
}
