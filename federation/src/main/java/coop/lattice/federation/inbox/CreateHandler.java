package coop.lattice.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import coop.lattice.federation.hosting.Responses;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.mirror.LedgerMirror;
import coop.lattice.federation.mirror.TradeRelay;
import coop.lattice.federation.mirror.Witnesses;
import java.util.Optional;

/**
 * {@code Create}: an object another actor owns cannot be created again (403). From a linked
 * partner, a ledger entry that is a trade step becomes a command on this collective's ledger
 * ({@link TradeRelay}; refused with 422 and nothing recorded if the collective's rules refuse
 * it); a step relayed before, sent again however late, is answered 202 and changes nothing.
 * Otherwise the object is stored with its owner, and a checkpoint in it is offered to the
 * partner's mirror.
 */
final class CreateHandler implements ActivityHandler {
  private final RemoteObjects objects;
  private final TradeRelay trades;
  private final LedgerMirror mirror;
  private final Witnesses witnesses;
  private final Acceptance acceptance;

  CreateHandler(RemoteObjects objects, TradeRelay trades, LedgerMirror mirror, Witnesses witnesses,
      Acceptance acceptance) {
    this.objects = objects;
    this.trades = trades;
    this.mirror = mirror;
    this.witnesses = witnesses;
    this.acceptance = acceptance;
  }

  @Override
  public void handle(VerifiedActivity a) {
    String actor = a.actor();
    JsonNode object = a.activity().get("object");
    boolean embedded = object != null && object.isObject();
    if (embedded) {
      Optional<RemoteObjects.Refusal> refusal = objects.checkCreate(actor, object);
      if (refusal.isPresent()) {
        a.refuse(refusal.get().reason(), refusal.get().message());
        return;
      }
    }
    Optional<TradeRelay.Link> link = trades.link(actor, a.collective().collectiveId());
    String entry = embedded ? Json.text(object, "entry").orElse("") : "";
    if (link.isPresent() && !entry.isEmpty()) {
      if (trades.alreadyRelayed(link.get(), entry)) {
        // Sent again, perhaps after its activity id was forgotten: the step counts once.
        Responses.json(a.arrival().request(), 202, "application/json",
            Responses.status("already done: this trade step is on the ledger; nothing done again"));
        return;
      }
      acceptance.acceptRecorded(a, () -> relay(link.get(), a, entry));
      return;
    }
    acceptance.accept(a, () -> {
      if (embedded) {
        objects.put(actor, object);
        Json.text(object, "checkpoint").ifPresent(cp -> mirror.offered(actor, cp));
        Json.text(object, "repair").ifPresent(r -> mirror.offeredRepair(actor, r));
        Json.text(object, "cosignature").ifPresent(c -> witnesses.offered(a.collective(), actor, c));
      }
    }, () -> { });
  }

  private void relay(TradeRelay.Link link, VerifiedActivity a, String entry) {
    try {
      trades.relay(link, a.collective().collective(), entry);
    } catch (RuntimeException e) {
      // The collective refused the step (or it did not parse): nothing was recorded; say why, naming
      // members only as the partner may know them (docs/privacy.md).
      throw new Refusal(Reason.TRADE_STEP, "the partner's trade step was refused: "
          + a.collective().collective().privacy().toOutsiders(String.valueOf(e.getMessage())));
    }
  }
}
