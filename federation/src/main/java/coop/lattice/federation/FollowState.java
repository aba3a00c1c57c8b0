package coop.lattice.federation;

import java.util.Locale;

/** Where a {@code Follow} that a collective sent stands. */
public enum FollowState {
  /** Sent; the other side has not answered yet. */
  PENDING,
  /** The other side sent an {@code Accept}. */
  ACCEPTED,
  /** The other side sent a {@code Reject}. */
  REJECTED;

  /** The lower-case word, as it is written in the node's follow log. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state a word names; throws for a word that names none. */
  public static FollowState ofWord(String word) {
    return valueOf(word.toUpperCase(Locale.ROOT));
  }
}
