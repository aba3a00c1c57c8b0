package coop.lattice.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.federation.hosting.HostedCollective;

/**
 * An inbound activity whose HTTP signature verified with a key its actor owns: what the handlers
 * get, in one record.
 *
 * @param arrival the request, to answer exactly once
 * @param collective the collective it is for
 * @param activity the parsed JSON (never a graph: proofs are over the exact JSON)
 * @param id the activity's id
 * @param actor who sent it, proven by the key
 * @param type its type, such as {@code Follow}
 * @param key the key that verified the request
 */
record VerifiedActivity(Arrival arrival, HostedCollective collective, ObjectNode activity, String id,
    String actor, String type, KeyCache.Key key) {
  /** The body's exact bytes. */
  byte[] body() {
    return arrival.body();
  }

  /** Refuses it; the log line names its actor, whom the signature proved. */
  void refuse(Reason reason, String message) {
    arrival.refuse(reason, message, actor);
  }
}
