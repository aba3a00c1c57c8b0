package coop.lattice;

/**
 * A command broke one of the collective's rules. Nothing was appended: the ledger's size and root
 * are what they were before the command.
 *
 * <p>The message is written for the people in the collective, not for a stack trace reader: it
 * says what was wrong and what to do instead. The subclass says what kind of rule it was, so that
 * an application can act on it without reading the message:
 *
 * <ul>
 *   <li>who: {@link UnknownMemberException} (not a member), {@link NotPermittedException} (a
 *       member, but not the one who may do this);
 *   <li>what: {@link UnknownReferenceException} (no such entry, agreement, fund, circle or tool),
 *       {@link NoPartnershipException} (no partnership with that collective);
 *   <li>when: {@link TooEarlyException}, {@link ExpiredException}, {@link MissingStepException}
 *       (another step has to come first), {@link ConflictException} (it clashes with what the
 *       ledger already holds);
 *   <li>how much: {@link LimitExceededException}, {@link InvalidQuantityException};
 *   <li>as written: {@link InvalidAgreementException}, {@link InvalidRotationException}, {@link
 *       InvalidCircleException}, {@link InvalidExchangeException}, {@link InvalidPeriodException},
 *       {@link InvalidPollException}, {@link InvalidApplicationException}, {@link
 *       InvalidSignupException}.
 * </ul>
 *
 * <p>Every rejection is one of these; Lattice never throws this class bare.
 */
public abstract class RejectedCommandException extends LatticeException {
  private static final long serialVersionUID = 1L;

  protected RejectedCommandException(String message) {
    super(message);
  }
}
