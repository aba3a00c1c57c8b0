package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Response;
import coop.lattice.joining.Answer;
import coop.lattice.ledger.Appearance;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An application to join as members see it ({@link Joining#application}): who applies and how they
 * would appear, their answers, how it is decided and where it stands. The open ledger holds none
 * of this but the seal and the responses.
 *
 * @param entry the entry that received it: the application's reference
 * @param received when it came
 * @param applicant the id the app gives them, which they keep as a member
 * @param appearance how they would appear once a member
 * @param answers their answers, in the order of the questions
 * @param rule the decision rule members respond under; null when any one member decides
 * @param responses each response given, in order of the members' ids
 * @param status where it stands
 * @param decision the entry of the decision; -1 while open
 * @param note the decision's note; empty while open
 */
public record ApplicationRecord(long entry, Instant received, MemberId applicant, Appearance appearance,
    List<Answer> answers, @Nullable DecisionRule rule, List<Responded> responses, Status status, long decision,
    String note) {

  /** Where an application stands. */
  public enum Status {
    /** Waiting for members' responses or a decision. */
    OPEN,
    /** Accepted; the applicant has not joined yet (a member admits them). */
    ACCEPTED,
    /** Accepted, and the applicant joined. */
    JOINED,
    /** Not accepted. */
    DECLINED
  }

  /** A member's response to an application, with its reason. */
  public record Responded(MemberId member, Response response, String reason) {}

  public ApplicationRecord {
    answers = List.copyOf(answers);
    responses = List.copyOf(responses);
  }
}
