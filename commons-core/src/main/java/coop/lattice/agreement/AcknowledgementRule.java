package coop.lattice.agreement;

/** Who may acknowledge a contribution: the {@link Parameter#ACKNOWLEDGED_BY} setting. */
public enum AcknowledgementRule {
  /**
   * The member who received the help; help to the collective as a whole, any other member.
   * The default.
   */
  RECEIVER,
  /** Any member other than the giver, even for help that went to one member. */
  ANY_OTHER_MEMBER
}
