package coop.lattice.circle;

import coop.lattice.InvalidCircleException;
import coop.lattice.MemberId;

/**
 * One turn on the keeper's timer: who, in which round, from and to which second of the meeting;
 * a pass is a turn of no length.
 *
 * @param member who had the turn
 * @param round the round of the meeting it belongs to, from 1
 * @param startSecond when it started, in seconds from the start of the meeting
 * @param endSecond when it ended; equal to the start for a pass
 */
public record Turn(MemberId member, int round, long startSecond, long endSecond) {
  /** A turn in the first round. */
  public Turn(MemberId member, long startSecond, long endSecond) {
    this(member, 1, startSecond, endSecond);
  }

  public Turn {
    if (round < 1) {
      throw new InvalidCircleException("rounds are counted from 1, not " + round);
    }
    if (startSecond < 0 || endSecond < startSecond) {
      throw new InvalidCircleException("a turn from second " + startSecond + " to " + endSecond
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
