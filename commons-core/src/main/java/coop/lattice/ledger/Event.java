package coop.lattice.ledger;

/**
 * What happened: the payload of every {@link Entry}. A sealed set of records: the cases are
 * closed, so a fold that handles each of them handles every ledger.
 *
 * <p>The record names and component names are part of the ledger format: they are written into
 * the canonical bytes that every node hashes. Renaming one is a format change.
 *
 * <p>Nothing is updated in place: a correction is a new event that names the entry it corrects.
 */
public sealed interface Event {

  /** Entry 0 of every ledger: the collective comes into being with its name and public key. */
  record CollectiveFounded(String name, String publicKey) implements Event {
    public CollectiveFounded {
      Names.text("a collective's name", name, 120);
      com.google.common.base.Preconditions.checkArgument(!name.isBlank(), "a collective needs a name");
    }
  }

  /** A member joins; the join date makes them a newcomer for a while. */
  record MemberJoined(MemberId member, Appearance appearance) implements Event {}

  /** A member leaves. Their past entries stay; the ledger never forgets, it only adds. */
  record MemberLeft(MemberId member) implements Event {}

  /** A member changes how they appear publicly. */
  record AppearanceChanged(MemberId member, Appearance appearance) implements Event {}

  /** A contribution is recorded by its giver. It stays pending until its receiver acknowledges it. */
  record ContributionRecorded(Contribution contribution) implements Event {}

  /** The receiver acknowledges the contribution recorded at entry {@code contribution}. */
  record ContributionAcknowledged(long contribution) implements Event {}

  /**
   * The giver corrects the contribution recorded at entry {@code corrects}. The corrected
   * details replace the old ones and need a fresh acknowledgement.
   */
  record ContributionCorrected(long corrects, Contribution contribution) implements Event {}
}
