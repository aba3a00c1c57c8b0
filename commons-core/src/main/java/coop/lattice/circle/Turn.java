package coop.lattice.circle;

import coop.lattice.MemberId;
import coop.lattice.RejectedCommandException;

/**
 * One turn on the keeper's timer: who, from and to which second of the meeting; a pass is a turn
 * of no length.
 *
 * @param member who had the turn
 * @param startSecond when it started, in seconds from the start of the meeting
 * @param endSecond when it ended; equal to the start for a pass
 */
public record Turn(MemberId member, long startSecond, long endSecond) {
  public Turn {
    if (startSecond < 0 || endSecond < startSecond) {
      throw new RejectedCommandException("a turn from second " + startSecond + " to " + endSecond
          + " is not a stretch of time: it must start at 0 or later and not end before it starts");
    }
  }

  public static Turn pass(MemberId member, long at) {
    return new Turn(member, at, at);
  }

  public long seconds() {
    return endSecond - startSecond;
  }

  public boolean passed() {
    return endSecond == startSecond;
  }
}
