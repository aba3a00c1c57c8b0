package coop.lattice.poll;

import coop.lattice.canonical.CanonicalJson;
import coop.lattice.merkle.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A secret ballot as the collective keeps it, and its voter's receipt: the ballot, the poll it was
 * cast in and the salt of its commitment. The open ledger holds only the {@linkplain #commitment()
 * commitment}; the salt (derived from the collective key, 32 hex digits) makes it unguessable, so
 * nobody can confirm a guess ("did they put the park first?") by hashing candidate ballots, while a
 * voter shown this receipt can check that their commitment is the one on the ledger.
 *
 * @param poll the entry that opened the poll
 * @param ballot the ballot
 * @param salt 32 lowercase hex digits
 */
public record SealedBallot(long poll, Ballot ballot, String salt) {
  /** The domain tag of a commitment. */
  public static final String PROCEDURE = "lattice-poll-v1/ballot";

  public SealedBallot {
    if (!salt.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("a ballot's salt is 32 lowercase hex digits, not " + salt.length()
          + " characters");
    }
  }

  /**
   * SHA-256 of the RFC 8785 form of the procedure, the poll, the marks (each {@code [option, value]},
   * in the ballot's order) and the salt: what the ledger records.
   */
  public Hash commitment() {
    List<List<Object>> marks = new ArrayList<>();
    for (Mark m : ballot.marks()) {
      marks.add(List.of(m.option(), m.value()));
    }
    return Hash.sha256(CanonicalJson.encode(Map.of("procedure", PROCEDURE, "poll", poll, "marks", marks,
        "salt", salt)));
  }
}
