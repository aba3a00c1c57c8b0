package coop.lattice;

/**
 * The command refers to something this collective's ledger does not hold: an entry that is not a
 * contribution, proposal, transfer, posting, claim, trade, hand-over or lottery of the kind the
 * command needs; an agreement, fund, circle, campaign or tool that was never set up; a slot that
 * is not in the published plan; an objection or hold that is not there to withdraw or cancel.
 *
 * <p>Unlike an {@link UnknownMemberException}, which names a person, this names a thing. Check the
 * entry number or the name; nothing was recorded.
 */
public final class UnknownReferenceException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public UnknownReferenceException(String message) {
    super(message);
  }
}
