package coop.lattice.federation.inbox;

import coop.lattice.federation.FederationException;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.mirror.LedgerMirror;
import coop.lattice.ledger.Equivocation;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A {@code Flag}: when it carries a proof that the flagged actor equivocated ({@code
 * equivocation}), the mirror checks it with the key it holds for that actor's ledger and, if it
 * verifies, flags the actor too; a proof that does not verify is refused (422). A {@code Flag}
 * without a proof, or of an actor this node does not mirror, is accepted and changes nothing: a
 * node believes proofs, not reports.
 */
final class FlagHandler implements ActivityHandler {
  private final LedgerMirror mirror;
  private final Acceptance acceptance;

  FlagHandler(LedgerMirror mirror, Acceptance acceptance) {
    this.mirror = mirror;
    this.acceptance = acceptance;
  }

  @Override
  public void handle(VerifiedActivity a) {
    Optional<String> flagged = Json.id(a.activity().get("object"));
    Optional<String> text = Json.text(a.activity(), "equivocation");
    if (flagged.isEmpty() || text.isEmpty()) {
      acceptance.accept(a);
      return;
    }
    Equivocation proof;
    try {
      proof = Equivocation.parse(text.get().getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      a.refuse(Reason.MALFORMED, "the equivocation is not a proof Lattice reads: " + e.getMessage());
      return;
    }
    acceptance.acceptRecorded(a, () -> {
      try {
        mirror.offeredProof(flagged.get(), proof);
      } catch (FederationException e) {
        throw new Refusal(Reason.EVIDENCE, e.getMessage());
      }
    });
  }
}
