package coop.lattice.agreement;

import java.time.LocalDate;

/**
 * Where an agreement stands on a given day. Unlike a wiki page, an agreement here acts when its
 * review date passes: it goes on the agenda, and if the collective chose a grace period, it lapses
 * and its parameters fall back to their defaults.
 */
public enum AgreementStatus {
  /** In force, before its review date. */
  ACTIVE,
  /** In force; its review date has come (within {@link #REVIEW_PERIOD_DAYS} days of it). */
  REVIEW_DUE,
  /** In force, but its review is more than {@link #REVIEW_PERIOD_DAYS} days late. */
  OVERDUE,
  /** No longer in force: its grace period after the review date ran out. Its parameters are back at their defaults. */
  LAPSED;

  /** Days after the review date during which the review is due rather than overdue. */
  public static final int REVIEW_PERIOD_DAYS = 14;

  /** The status of {@code terms} on {@code day}. */
  public static AgreementStatus of(AgreementTerms terms, LocalDate day) {
    LocalDate review = terms.reviewOn();
    Long grace = terms.lapseAfterDays();
    if (grace != null && !day.isBefore(review.plusDays(grace))) {
      return LAPSED;
    }
    if (day.isBefore(review)) {
      return ACTIVE;
    }
    return day.isBefore(review.plusDays(REVIEW_PERIOD_DAYS)) ? REVIEW_DUE : OVERDUE;
  }

  public boolean inForce() {
    return this != LAPSED;
  }
}
