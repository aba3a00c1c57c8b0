package coop.lattice.ledger;

import coop.lattice.MemberId;
import coop.lattice.agreement.Response;
import coop.lattice.internal.Names;
import coop.lattice.merkle.Hash;

/**
 * A way in ({@link Event.Joining}): applications to join, members' responses and decisions, and the
 * trust members give newcomers. Like every event, the record and component names are part of the
 * ledger format.
 *
 * <p>An applicant is not a member and has chosen nothing yet about how they appear, so the open
 * ledger holds only a salted seal of their application (who, how they would appear, their
 * answers): the collective keeps it in its private state and members read it there. Once accepted,
 * the applicant joins with an ordinary {@link Event.MemberJoined}, under their handle or tag.
 */
public final class JoiningEvents {
  private JoiningEvents() {}

  /**
   * The collective ({@code collective}) receives an application to join: {@code sealed} is the
   * SHA-256 of the salted application, kept privately.
   */
  public record ApplicationReceived(Hash sealed) implements Event.Joining {}

  /**
   * The author responds to the application received at entry {@code application}, where an
   * agreement decides applications under its rule; once each. The reason is public: keep details
   * about the applicant out of it.
   */
  public record ApplicationResponded(long application, Response response, String reason) implements Event.Joining {
    public ApplicationResponded {
      Names.text("a reason", reason, 2000);
    }
  }

  /**
   * The author records the decision on the application at entry {@code application}: accepted
   * (the applicant then joins with a {@link Event.MemberJoined}) or not. Once.
   */
  public record ApplicationDecided(long application, boolean accepted, String note) implements Event.Joining {
    public ApplicationDecided {
      Names.text("a decision note", note, 2000);
    }
  }

  /** The author trusts {@code newcomer}, a member who joined while trust is asked of newcomers; once each. */
  public record TrustGiven(MemberId newcomer) implements Event.Joining {}
}
