package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.exchange.Posting;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An offer or request and how far it got: posted, committed with one who answered, fulfilled,
 * confirmed. In ValueFlows terms a {@code vf:Proposal} publishing a {@code vf:Intent}, the
 * commitment a {@code vf:Commitment} that satisfies it, the fulfilment a {@code vf:EconomicEvent}.
 *
 * @param entry the entry that posted it: its reference
 * @param poster who posted it
 * @param posting what it offers or asks for
 * @param answers who answered, in order
 * @param with who the poster committed with, or null
 * @param due when the commitment is due, or null
 * @param stage how far it got
 * @param fulfilled when it was fulfilled, or null
 */
public record PostingRecord(long entry, MemberId poster, Posting posting, List<MemberId> answers,
    @Nullable MemberId with, @Nullable LocalDate due, Stage stage, @Nullable Instant fulfilled) {
  public PostingRecord {
    answers = List.copyOf(answers);
  }

  public enum Stage {
    /** Open for answers until it expires. */
    OPEN,
    /** The poster committed with one who answered. */
    COMMITTED,
    /** The giving side says it was done. */
    FULFILLED,
    /** The receiving side confirmed it. */
    CONFIRMED
  }

  /** The member who gives: the poster of an offer, the one who answered a request. */
  public @Nullable MemberId giver() {
    return posting.type() == Posting.Type.OFFER ? poster : with;
  }

  /** The member who receives. */
  public @Nullable MemberId receiver() {
    return posting.type() == Posting.Type.OFFER ? with : poster;
  }
}
