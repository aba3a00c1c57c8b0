package coop.lattice.collective;

import java.time.Duration;
import java.time.Instant;

/**
 * Something a meeting should take up, generated from the ledger for a given moment.
 *
 * @param kind what it is
 * @param subject what it is about (an agreement id, or a proposal's entry)
 * @param detail a sentence for the meeting
 * @param since how long it has been waiting (when the review came due, the proposal opened, the
 *     objection was raised)
 * @param age how long it has waited at the moment the agenda was made
 */
public record AgendaItem(Kind kind, String subject, String detail, Instant since, Duration age) {

  /** In the order an agenda lists them: what acts soonest comes first. */
  public enum Kind {
    AGREEMENT_LAPSED,
    /** A health indicator crossed its threshold. */
    HEALTH_WARNING,
    REVIEW_OVERDUE,
    REVIEW_DUE,
    PROPOSAL_READY_TO_DECIDE,
    /** A poll whose voting has closed, for the collective to count ({@link Polls#close}). */
    POLL_READY_TO_COUNT,
    /** An application to join that members can decide now (never who applied; {@link Joining}). */
    APPLICATION_TO_DECIDE,
    UNRESOLVED_OBJECTION,
    /** A tension raised for a circle that no meeting has taken up yet. */
    TENSION_RAISED,
    PROPOSAL_OPEN,
    ACCEPTANCE_PENDING,
    /** A campaign ended without its debrief. */
    DEBRIEF_DUE,
    /** Something a debrief asked to refine, for the agreement reviews. */
    DEBRIEF_FINDING,
    /** A mutual aid claim still waiting past the time the agreement gives the stewards (no details shown). */
    AID_CLAIM_WAITING,
    /** A time-bank transfer or a fulfilled offer waiting to be confirmed before it expires. */
    CONFIRMATION_WAITING,
    /** A tool library item out past its due date (the item, never who has it). */
    LOAN_OVERDUE,
    /** The monthly review of the responsibility map. */
    ROTATION_REVIEW,
    REVIEW_UPCOMING
  }
}
