package coop.lattice;

/**
 * A poll or a ballot that cannot stand as written: a poll with fewer than two options or the same
 * option twice, a ballot that marks an option the poll does not offer, gives two options the same
 * rank, places more dots than each member has, or scores beyond the poll's range.
 */
public final class InvalidPollException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public InvalidPollException(String message) {
    super(message);
  }
}
