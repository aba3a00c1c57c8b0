package coop.lattice.internal;

import static com.google.common.base.Preconditions.checkArgument;

/** Shared validation of identifiers and free text in entries. Unsupported outside Lattice. */
public final class Names {
  private Names() {}

  /**
   * {@code value} if it is an identifier: 1 to 64 of {@code [a-z0-9._-]}, starting with a letter or
   * digit (the pattern {@code [a-z0-9][a-z0-9._-]{0,63}}). Checked by a loop over the characters
   * rather than a regular expression: every identifier of every entry passes through here when a
   * ledger opens.
   */
  public static String slug(String what, String value) {
    if (!isSlug(value)) {
      checkArgument(false, "%s \"%s\" is not a valid identifier: use 1 to 64 lowercase letters, digits, '.', '_' or"
          + " '-', starting with a letter or digit", what, value);
    }
    return value;
  }

  private static boolean isSlug(String value) {
    int n = value.length();
    if (n < 1 || n > 64) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > 0 && (c == '.' || c == '_' || c == '-')))) {
        return false;
      }
    }
    return true;
  }

  public static String text(String what, String value, int max) {
    if (value.length() > max) { // the arguments are boxed only for the message
      checkArgument(false, "%s is longer than %s characters (%s)", what, max, value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i); // a control character is never part of a surrogate pair
      if (c < 0x20 && c != '\n' && c != '\t') {
        checkArgument(false, "%s holds control characters", what);
      }
    }
    return value;
  }
}
