package coop.lattice.federation.outbox;

import coop.lattice.federation.net.SafeClient;
import io.vertx.core.AsyncResult;
import java.nio.charset.StandardCharsets;

/**
 * What a failed delivery's answer means: whether sending again could change it, and the words a
 * dead letter keeps of it (the status, the content type, a {@code Retry-After} and the start of
 * the body), so that the receiver's own explanation outlives the attempt.
 */
final class FailedAnswer {
  private FailedAnswer() {}

  /** The most of an answer's body a dead letter keeps, in characters. */
  static final int BODY_KEPT = 600;

  /**
   * Why a delivery failed: the error, or the answer's status with what it said (its content type, a
   * {@code Retry-After}, and its body, up to {@link #BODY_KEPT} characters), so that a dead letter
   * keeps the receiver's own explanation.
   */
  static String reason(AsyncResult<SafeClient.Response> ar) {
    if (!ar.succeeded()) {
      return String.valueOf(ar.cause().getMessage());
    }
    SafeClient.Response r = ar.result();
    StringBuilder b = new StringBuilder("answered ").append(r.status());
    String type = r.header("content-type");
    if (!type.isEmpty()) {
      b.append(" (").append(type).append(')');
    }
    String retryAfter = r.header("retry-after");
    if (!retryAfter.isEmpty()) {
      b.append(", retry after ").append(retryAfter);
    }
    if (r.body().length > 0) {
      String body = new String(r.body(), StandardCharsets.UTF_8);
      b.append(": ").append(body.length() > BODY_KEPT ? body.substring(0, BODY_KEPT) + "..." : body);
    }
    return b.toString();
  }

  /** 4xx answers other than 408 and 429 will not change by sending again: the entry goes to the dead letters. */
  static boolean permanent(int status) {
    return status >= 400 && status < 500 && status != 408 && status != 429;
  }
}
