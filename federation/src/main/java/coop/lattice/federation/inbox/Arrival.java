package coop.lattice.federation.inbox;

import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Responses;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A POST to an inbox whose body arrived within the cap: the request to answer, the collective
 * whose inbox it is (none for the shared inbox), the body's exact bytes, and the meters that
 * count how it ends. Every step answers through it, so that each request gets exactly one answer
 * and is counted once.
 */
record Arrival(HttpServerRequest request, @Nullable HostedCollective target, byte[] body, InboxMeters meters) {
  private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

  /** Refuses a request whose sender is not known yet: the log line names the address it came from. */
  void refuse(Reason reason, String message) {
    refuse(reason, message, null);
  }

  /** Refuses, counts and logs (at the reason's level) a request from {@code peer}, the actor when it is known. */
  void refuse(Reason reason, String message, @Nullable String peer) {
    refuse(request, target, reason, message, peer, meters);
  }

  /** As {@link #refuse(Reason, String, String)}, for a request refused before its body arrived. */
  static void refuse(HttpServerRequest request, @Nullable HostedCollective target, Reason reason, String message,
      @Nullable String peer, InboxMeters meters) {
    if (request.response().ended()) {
      return; // answered already: neither counted nor logged twice
    }
    meters.rejected(reason);
    if (LOG.isEnabledForLevel(reason.level())) {
      LOG.atLevel(reason.level()).log("Refused an activity for {} from {}: {} {}: {}",
          target == null ? "the shared inbox" : target.id(), peer != null ? peer : remote(request), reason.status(),
          reason.tag(), message);
    }
    Responses.error(request, reason.status(), message);
  }

  private static String remote(HttpServerRequest request) {
    SocketAddress a = request.remoteAddress();
    return a == null ? "an unknown address" : a.hostAddress();
  }

  void refuse(Refusal r) {
    refuse(r.reason(), r.getMessage());
  }

  /** Runs {@code work} from a callback: a refusal it throws is answered, any other failure is logged and a 500. */
  void guard(Runnable work) {
    try {
      work.run();
    } catch (Refusal r) {
      refuse(r);
    } catch (RuntimeException e) {
      LOG.error("An activity for {} failed unexpectedly", target == null ? "the shared inbox" : target.id(), e);
      refuse(Reason.INTERNAL, "internal error");
    }
  }
}
