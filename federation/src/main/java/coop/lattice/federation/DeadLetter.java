package coop.lattice.federation;

/**
 * An activity that could not be delivered to an inbox, and why: a ledger entry ({@code entry} is
 * its index), or a one-off activity such as an {@code Accept} ({@code entry} is -1 and {@code
 * body} holds it). Dead letters are never dropped; they can be replayed.
 *
 * @param collective whose activity it is
 * @param inbox where it was going
 * @param entry the ledger entry's index, or -1 for a one-off activity
 * @param status the last HTTP status (0 when no answer came)
 * @param reason why it was given up, in one line
 * @param body the one-off activity's JSON, or empty for a ledger entry
 */
public record DeadLetter(String collective, String inbox, long entry, int status, String reason, String body) {
  public DeadLetter(String collective, String inbox, long entry, int status, String reason) {
    this(collective, inbox, entry, status, reason, "");
  }
}
