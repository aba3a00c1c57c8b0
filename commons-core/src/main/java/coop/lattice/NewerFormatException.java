package coop.lattice;

/**
 * A collective's own ledger holds an entry a newer version of Lattice wrote, in a format this
 * version cannot read ({@code ledger.EntryFormat}): the collective cannot be opened here, as its
 * state would be wrong. Nothing was changed; open it with the version that wrote it, or a newer
 * one. (A copy of a partner's ledger keeps such entries unread instead: {@code Replica.unread}.)
 */
public final class NewerFormatException extends LatticeException {
  private static final long serialVersionUID = 1L;
  private final long entry;
  private final int format;

  public NewerFormatException(long entry, int format, String message) {
    super(message);
    this.entry = entry;
    this.format = format;
  }

  /** The first entry in a newer format. */
  public long entry() {
    return entry;
  }

  /** Its format. */
  public int format() {
    return format;
  }
}
