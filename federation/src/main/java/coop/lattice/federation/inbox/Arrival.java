package coop.lattice.federation.inbox;

import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Responses;
import io.vertx.core.http.HttpServerRequest;
import org.jspecify.annotations.Nullable;

/**
 * A POST to an inbox whose body arrived within the cap: the request to answer, the collective
 * whose inbox it is (none for the shared inbox), and the body's exact bytes. Every step answers
 * through it, so that each request gets exactly one answer.
 */
record Arrival(HttpServerRequest request, @Nullable HostedCollective target, byte[] body) {
  void refuse(int status, String message) {
    Responses.error(request, status, message);
  }

  void refuse(Refusal r) {
    refuse(r.status(), r.getMessage());
  }

  /** Runs {@code work} from a callback: a refusal it throws is answered, any other failure is a 500. */
  void guard(Runnable work) {
    try {
      work.run();
    } catch (Refusal r) {
      refuse(r);
    } catch (RuntimeException e) {
      refuse(500, "internal error");
    }
  }
}
