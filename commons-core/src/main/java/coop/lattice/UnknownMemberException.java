package coop.lattice;

/** A command named someone who is not (or is no longer) a member of the collective. */
public final class UnknownMemberException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public UnknownMemberException(String message) {
    super(message);
  }
}
