package coop.lattice.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import coop.lattice.internal.Names;
import org.jspecify.annotations.Nullable;

/**
 * How a member chooses to appear in anything the collective shows publicly: by name, by a
 * pseudonym, or not at all outside aggregates. Members change it whenever they like.
 *
 * @param mode the choice
 * @param shownAs the name or pseudonym shown; null exactly when the mode is {@link
 *     Mode#AGGREGATES_ONLY}
 */
public record Appearance(Mode mode, @Nullable String shownAs) {
  public enum Mode {
    /** Shown by the name they gave. */
    NAME,
    /** Shown by a pseudonym. */
    PSEUDONYM,
    /** Never shown individually; counted only in group totals. */
    AGGREGATES_ONLY
  }

  public Appearance {
    if (mode == Mode.AGGREGATES_ONLY) {
      checkArgument(shownAs == null, "a member who appears only in aggregates has no shown name");
    } else {
      checkArgument(shownAs != null && !shownAs.isBlank(), "appearing by %s needs a non-blank %s",
          mode == Mode.NAME ? "name" : "pseudonym", mode == Mode.NAME ? "name" : "pseudonym");
      Names.text("a shown name", shownAs, 80);
    }
  }

  public static Appearance byName(String name) {
    return new Appearance(Mode.NAME, name);
  }

  public static Appearance pseudonym(String pseudonym) {
    return new Appearance(Mode.PSEUDONYM, pseudonym);
  }

  public static Appearance onlyInAggregates() {
    return new Appearance(Mode.AGGREGATES_ONLY, null);
  }
}
