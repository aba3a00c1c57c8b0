package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.joining.Answer;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.merkle.Hash;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An application to join as the collective keeps it: who applies (the id the app gives them, which
 * they keep as a member), how they would appear, their answers, and the salt of its seal. The open
 * ledger holds only the {@linkplain #seal() seal}; the salt (derived from the collective key) makes
 * it unguessable, so nobody can confirm a guess about who applied by hashing candidates. Public
 * so that the ledger's codec keeps it in the collective's private file; members read applications
 * as {@link ApplicationRecord}s.
 *
 * @param applicant who applies
 * @param appearance how they would appear once a member
 * @param answers their answers, one per question answered, in the questions' order
 * @param salt 32 lowercase hex digits
 */
public record SealedApplication(MemberId applicant, Appearance appearance, List<Answer> answers, String salt) {
  private static final byte[] PROCEDURE = "lattice-joining-v1/application\n".getBytes(StandardCharsets.UTF_8);

  public SealedApplication {
    answers = List.copyOf(answers);
  }

  /** SHA-256 of the procedure's tag and the RFC 8785 form of this application, salt included: what the ledger records. */
  public Hash seal() {
    byte[] body = LedgerJson.canonicalBytes(this);
    byte[] all = new byte[PROCEDURE.length + body.length];
    System.arraycopy(PROCEDURE, 0, all, 0, PROCEDURE.length);
    System.arraycopy(body, 0, all, PROCEDURE.length, body.length);
    return Hash.sha256(all);
  }
}
