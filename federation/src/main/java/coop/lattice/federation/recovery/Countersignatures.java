package coop.lattice.federation.recovery;

import coop.lattice.federation.FederationException;
import coop.lattice.ledger.RecoveryCountersignature;
import coop.lattice.ledger.RecoveryRequest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a hosted collective that asked its partners to countersign the recovery of its ledger key
 * has heard back: the countersignatures that fit its request, from the partners it asked, and the
 * partners that refused. Kept in memory: after a restart the collective asks again. Thread-safe.
 */
final class Countersignatures {
  /** One request to some partners, and their answers so far. */
  private static final class Asked {
    final RecoveryRequest request;
    final List<String> partners;
    final Map<String, RecoveryCountersignature> received = new LinkedHashMap<>();
    final Map<String, String> refused = new LinkedHashMap<>();
    final Promise<List<RecoveryCountersignature>> answered = Promise.promise();

    Asked(RecoveryRequest request, List<String> partners) {
      this.request = request;
      this.partners = List.copyOf(partners);
    }

    void settleOnceAllAnswered() {
      if (received.size() + refused.size() < partners.size()) {
        return;
      }
      if (received.isEmpty()) {
        answered.tryFail(new FederationException("no partner countersigned the recovery: " + refused));
      } else {
        answered.tryComplete(new ArrayList<>(received.values()));
      }
    }
  }

  private final Map<String, Asked> asked = new ConcurrentHashMap<>();

  /** {@code collective} asks {@code partners} to countersign {@code request}, in place of any earlier request. */
  synchronized Future<List<RecoveryCountersignature>> ask(String collective, RecoveryRequest request,
      List<String> partners) {
    Asked a = new Asked(request, partners);
    Asked before = asked.put(collective, a);
    if (before != null) {
      before.answered.tryFail(new FederationException("asked again, with another request"));
    }
    return a.answered.future();
  }

  /** The countersignature {@code witness} (the authenticated sender) sent {@code collective}; returns what came of it. */
  synchronized String offered(String collective, String witness, String text) {
    Asked a = asked.get(collective);
    if (a == null || !a.partners.contains(witness)) {
      return "not asked for: " + collective + " asked " + witness + " for no countersignature";
    }
    RecoveryCountersignature c;
    try {
      c = RecoveryCountersignature.parse(text.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return "not a countersignature: " + e.getMessage();
    }
    if (!c.witness().equals(witness) || !c.verify(a.request)) {
      return "a countersignature that does not verify for the request " + collective + " made";
    }
    a.received.put(witness, c);
    a.settleOnceAllAnswered();
    return "kept";
  }

  /** {@code partner} refused (or could not be asked), saying {@code why}. */
  synchronized void refused(String collective, String partner, String why) {
    Asked a = asked.get(collective);
    if (a != null && a.partners.contains(partner) && !a.received.containsKey(partner)) {
      a.refused.put(partner, why);
      a.settleOnceAllAnswered();
    }
  }
}
