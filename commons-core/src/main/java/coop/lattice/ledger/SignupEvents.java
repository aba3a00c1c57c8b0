package coop.lattice.ledger;

import coop.lattice.rotation.Plan;
import coop.lattice.signup.Availability;
import coop.lattice.signup.Occurrence;
import coop.lattice.signup.SignupTerms;

/**
 * A sign-up round's events ({@link Event.SigningUp}): opened with its terms, each member's
 * statement of availability, each slot taken or left while the window is open, and the plan the
 * collective records when it closes (chosen slots kept, the rest filled by the fair rotation). Like
 * every event, the record and component names are part of the ledger format.
 */
public final class SignupEvents {
  private SignupEvents() {}

  /** A sign-up round opens: its activities, days, closing time and seed, all fixed before anyone signs up. */
  public record SignupOpened(SignupTerms terms) implements Event.SigningUp {}

  /**
   * The author states, for the round opened at entry {@code round}, when they are away, which days
   * they would rather not, what they can do and how much they can carry; it replaces any earlier
   * statement of theirs. Before the window closes.
   */
  public record AvailabilityStated(long round, Availability availability) implements Event.SigningUp {}

  /** The author takes a slot of {@code occurrence} in the round opened at entry {@code round}, before it closes. */
  public record SlotTaken(long round, Occurrence occurrence) implements Event.SigningUp {}

  /** The author leaves their slot of {@code occurrence} before the window closes: it reopens. */
  public record SlotLeft(long round, Occurrence occurrence) implements Event.SigningUp {}

  /**
   * The window of the round opened at entry {@code round} has closed: {@code plan} keeps every
   * chosen slot with who chose it and has the fair rotation fill the rest, each slot with its reason.
   * Recorded by the collective itself; its slots change hands from then on only by swaps and covers.
   */
  public record SignupClosed(long round, Plan plan) implements Event.SigningUp {}
}
