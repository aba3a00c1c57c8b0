package coop.lattice.federation.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.federation.WitnessStatus;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Hosts;
import coop.lattice.federation.hosting.Responses;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.mirror.Witnesses;
import coop.lattice.federation.outbox.Deliveries;
import coop.lattice.federation.outbox.Flow;
import coop.lattice.federation.outbox.FlowAlarm;
import coop.lattice.ledger.Ledger;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /health}: 200 when every hosted collective's journal takes appends, none is held by
 * its witnesses ({@link Witnesses}), and deliveries flow ({@link Deliveries#flow}), else 503, with
 * the reasons either way; each collective also says since when its newest entries are unwitnessed
 * (no partner has cosigned them), which is shown, not a failure:
 *
 * <pre>{@code
 * {"status": "unhealthy",
 *  "reasons": ["the journal of food has stopped after a storage failure; ..."],
 *  "journals": [{"collective": "food", "writable": false, "witnesses": 2,
 *                "unwitnessedSince": "2026-11-30T12:00:00Z"}],
 *  "deliveries": {"flowing": true, "openBreakers": 0, "deadLetters": 0, "recentDeadLetters": 0}}
 * }</pre>
 *
 * The reasons name collectives and the hosts or inboxes deliveries are stuck on (followers are
 * public anyway), never file paths or storage errors: those are in the node's log. At most
 * {@value #MAX_REASONS} reasons are listed, then how many more there are.
 */
final class HealthRoute {
  static final int MAX_REASONS = 20;

  private final Hosts hosts;
  private final Deliveries deliveries;
  private final FlowAlarm alarm;
  private final Witnesses witnesses;

  HealthRoute(Hosts hosts, Deliveries deliveries, FlowAlarm alarm, Witnesses witnesses) {
    this.hosts = hosts;
    this.deliveries = deliveries;
    this.alarm = alarm;
    this.witnesses = witnesses;
  }

  void serve(HttpServerRequest req) {
    String method = req.method().name();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      Responses.error(req, 405, "only GET");
      return;
    }
    List<String> reasons = new ArrayList<>();
    ObjectNode doc = Json.object();
    ArrayNode journals = doc.arrayNode();
    for (HostedCollective h : hosts.all()) {
      ObjectNode j = journals.addObject();
      j.put("collective", h.id());
      String problem = problem(h.id(), h.collective().ledger());
      j.put("writable", problem == null);
      if (problem != null) {
        reasons.add(problem);
      }
      WitnessStatus w = witnesses.status(h);
      long witnessedSize = w.cosigned().values().stream().mapToLong(Long::longValue).max().orElse(0);
      if (witnessedSize < h.collective().ledger().size()) {
        j.put("unwitnessedSince", w.lastCosigned() == null ? "never witnessed" : w.lastCosigned().toString());
      }
      j.put("witnesses", w.cosigned().size());
      if (w.held() != null) {
        j.put("held", w.held());
        reasons.add(h.id() + " is held until an operator decides: " + w.held());
      }
    }
    Flow flow = deliveries.flow(alarm);
    reasons.addAll(flow.problems());
    doc.put("status", reasons.isEmpty() ? "healthy" : "unhealthy");
    ArrayNode listed = doc.putArray("reasons");
    reasons.stream().limit(MAX_REASONS).forEach(listed::add);
    if (reasons.size() > MAX_REASONS) {
      listed.add("and " + (reasons.size() - MAX_REASONS) + " more");
    }
    doc.set("journals", journals);
    ObjectNode d = doc.putObject("deliveries");
    d.put("flowing", flow.flowing());
    d.put("openBreakers", flow.openBreakers());
    d.put("deadLetters", flow.deadLetters());
    d.put("recentDeadLetters", flow.recentDeadLetters());
    req.response().setStatusCode(reasons.isEmpty() ? 200 : 503).putHeader("content-type", "application/json")
        .putHeader("cache-control", "no-store").end(Buffer.buffer(Json.bytes(doc)));
  }

  /** Why {@code ledger} takes no appends, in words without paths, or null if it takes them. */
  private static @Nullable String problem(String id, Ledger ledger) {
    if (ledger.failure().isPresent()) {
      return "the journal of " + id + " has stopped after a storage failure and takes no appends until it is"
          + " reopened (the log says why)";
    }
    if (ledger.damage().isPresent()) {
      return "the journal of " + id + " is damaged from entry " + ledger.damage().get().firstBadIndex()
          + " and takes no appends until it is restored or truncated";
    }
    return null;
  }
}
