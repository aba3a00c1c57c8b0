package coop.lattice.exchange;

import static com.google.common.base.Preconditions.checkArgument;

import coop.lattice.CollectiveId;

/**
 * An entry of a collective's ledger written {@code <collective>/<entry>}: the text form of {@link
 * TradeId} and {@link RoundId}, read in one place.
 */
record EntryRef(CollectiveId collective, long entry) {
  /**
   * {@code text} read as {@code <collective>/<entry>}; throws {@link IllegalArgumentException}
   * naming {@code what} and showing {@code example} for anything else.
   */
  static EntryRef parse(String text, String what, String example) {
    int slash = text.lastIndexOf('/');
    checkArgument(slash > 0 && slash < text.length() - 1, "%s is written <collective>/<entry>, as in %s; got \"%s\"",
        what, example, text);
    String number = text.substring(slash + 1);
    checkArgument(number.chars().allMatch(c -> c >= '0' && c <= '9') && number.length() <= 18,
        "the entry of %s is a whole number, as in %s; got \"%s\"", what, example, text);
    return new EntryRef(CollectiveId.of(text.substring(0, slash)), Long.parseLong(number));
  }
}
