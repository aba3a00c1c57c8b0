package coop.lattice.exchange;

import coop.lattice.MemberId;
import coop.lattice.canonical.CanonicalJson;
import coop.lattice.internal.Names;
import coop.lattice.merkle.Hash;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Who claims on the mutual aid fund and why: kept off the open ledger, which holds only their
 * {@linkplain #seal() seal}. The salt makes the seal unguessable, so nobody can confirm a guess
 * ("was it Bo?") by hashing candidates; whoever is shown the details can check them against the
 * ledger.
 *
 * @param claimant the member the fund would help
 * @param circumstances why, in the claimant's words
 * @param salt 32 random hex digits; {@link #of} draws them
 */
public record ClaimDetails(MemberId claimant, String circumstances, String salt) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public ClaimDetails {
    Names.text("a claim's circumstances", circumstances, 4000);
    if (!salt.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("a claim's salt is 32 lowercase hex digits; use ClaimDetails.of to draw one");
    }
  }

  /** Details with a freshly drawn salt. */
  public static ClaimDetails of(MemberId claimant, String circumstances) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return new ClaimDetails(claimant, circumstances, HexFormat.of().formatHex(salt));
  }

  /** SHA-256 of the RFC 8785 form of the three fields: what the ledger records. */
  public Hash seal() {
    return Hash.sha256(CanonicalJson.encode(Map.of("claimant", claimant.value(), "circumstances", circumstances,
        "salt", salt)));
  }
}
