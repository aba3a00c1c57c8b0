package coop.lattice.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import coop.lattice.federation.hosting.Responses;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.mirror.LedgerMirror;
import coop.lattice.federation.mirror.PartnerSteps;
import coop.lattice.federation.mirror.EarlyStep;
import coop.lattice.federation.mirror.TradeRelay;
import coop.lattice.federation.mirror.Witnesses;
import coop.lattice.federation.recovery.KeyRecovery;
import java.util.List;
import java.util.Optional;

/**
 * {@code Create}: an object another actor owns cannot be created again (403). From a linked
 * partner, a ledger entry that is a step of one of this collective's trades or clearing rounds
 * ({@link PartnerSteps}) and is addressed to its actor by name ({@code to}, {@code cc} or {@code audience}) becomes a command on this
 * collective's ledger ({@link TradeRelay}; refused with 422 and nothing recorded if the
 * collective's rules refuse it, or if it names a trade this collective does not have; 503 with
 * {@code Retry-After} if it is a later step whose offer has not arrived yet); a step
 * relayed before, sent again however late, is answered 202 and changes nothing. Anything else,
 * a step of the partner's trade with another collective included, is an ordinary public entry:
 * the object is stored with its owner, and the entry and any checkpoint in it are offered to the partner's mirror
 * ({@link LedgerMirror#offeredEntry}: a pushed entry that contradicts what the partner showed before flags it).
 * A partner's request to countersign the recovery of its lost ledger key is answered once this
 * node's copy of its ledger backs it (422 with the reason if not; {@link KeyRecovery}), and a
 * countersignature sent back to such a request is kept.
 */
final class CreateHandler implements ActivityHandler {
  private final RemoteObjects objects;
  private final TradeRelay trades;
  private final PartnerSteps steps;
  private final LedgerMirror mirror;
  private final Witnesses witnesses;
  private final Acceptance acceptance;
  private final KeyRecovery recovery;

  CreateHandler(RemoteObjects objects, TradeRelay trades, PartnerSteps steps, LedgerMirror mirror, Witnesses witnesses,
      Acceptance acceptance, KeyRecovery recovery) {
    this.recovery = recovery;
    this.objects = objects;
    this.trades = trades;
    this.steps = steps;
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
    Optional<String> recoveryRequest = embedded ? Json.text(object, "keyRecovery") : Optional.empty();
    if (recoveryRequest.isPresent()) {
      answerRecovery(a, recoveryRequest.get());
      return;
    }
    Optional<TradeRelay.Link> link = trades.link(actor, a.collective().collectiveId());
    String entry = embedded ? Json.text(object, "entry").orElse("") : "";
    TradeRelay.Decision decision = TradeRelay.Decision.PUBLIC_ENTRY;
    if (link.isPresent() && !entry.isEmpty()) {
      try {
        decision = steps.decide(link.get(), a.collective().collective(), entry, addressed(a));
      } catch (EarlyStep early) {
        a.arrival().request().response().putHeader("retry-after", "1");
        a.refuse(Reason.EARLY_STEP, refused(a, early));
        return;
      } catch (RuntimeException e) {
        a.refuse(Reason.TRADE_STEP, refused(a, e));
        return;
      }
    }
    if (decision == TradeRelay.Decision.ALREADY_RELAYED) {
      // Sent again, perhaps after its activity id was forgotten: the step counts once.
      Responses.json(a.arrival().request(), 202, "application/json",
          Responses.status("already done: this step is on the ledger; nothing done again"));
      return;
    }
    if (decision == TradeRelay.Decision.RELAY) {
      acceptance.acceptRecorded(a, () -> relay(link.orElseThrow(), a, entry));
      return;
    }
    acceptance.accept(a, () -> {
      if (embedded) {
        objects.put(actor, object);
        if (!entry.isEmpty()) {
          mirror.offeredEntry(actor, entry); // checked against the mirror's copy, if it holds one
        }
        Json.text(object, "checkpoint").ifPresent(cp -> mirror.offered(actor, cp));
        Json.text(object, "repair").ifPresent(r -> mirror.offeredRepair(actor, r));
        Json.text(object, "cosignature").ifPresent(c -> witnesses.offered(a.collective(), actor, c));
        Json.text(object, "recoveryCountersignature").ifPresent(c -> recovery.countersigned(a.collective(), actor, c));
      }
    }, () -> { });
  }

  /** Countersigns, once its copy of the partner's ledger backs it (or keeps it for members), or refuses. */
  private void answerRecovery(VerifiedActivity a, String request) {
    recovery.requested(a.collective(), a.actor(), request).onComplete(ar -> a.arrival().guard(() -> {
      if (ar.failed()) {
        a.refuse(Reason.KEY_RECOVERY, "not countersigned: " + ar.cause().getMessage());
      } else { // countersigned now, or waiting for a member of the collective to say so
        acceptance.accept(a, () -> { }, () -> ar.result().ifPresent(c -> recovery.answer(a.collective(), a.actor(), c)));
      }
    }));
  }

  private void relay(TradeRelay.Link link, VerifiedActivity a, String entry) {
    try {
      steps.relay(link, a.collective().collective(), entry);
      mirror.offeredEntry(a.actor(), entry);
    } catch (EarlyStep early) {
      a.arrival().request().response().putHeader("retry-after", "1");
      throw new Refusal(Reason.EARLY_STEP, refused(a, early));
    } catch (RuntimeException e) {
      // The collective refused the step: nothing was recorded; say why.
      throw new Refusal(Reason.TRADE_STEP, refused(a, e));
    }
  }

  /** Why a step was refused, naming members only as the partner may know them (docs/privacy.md). */
  private static String refused(VerifiedActivity a, RuntimeException e) {
    return "the partner's step was refused: "
        + a.collective().collective().privacy().toOutsiders(String.valueOf(e.getMessage()));
  }

  /** Whether the activity names this collective's actor among its addressees: a trade step meant for it. */
  private static boolean addressed(VerifiedActivity a) {
    String actor = a.collective().actor().toString();
    for (String field : List.of("to", "cc", "audience")) {
      if (Json.ids(a.activity().get(field)).contains(actor)) {
        return true;
      }
    }
    return false;
  }
}
