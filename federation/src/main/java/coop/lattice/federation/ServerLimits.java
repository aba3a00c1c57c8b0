package coop.lattice.federation;

import java.time.Duration;

/**
 * How long the node's HTTP server waits for a client, and how many connections one address may
 * hold at once. A client slower than these is closed, so that a few hundred connections that
 * trickle bytes (slowloris) hold no resource for long; a normal request never comes near them.
 *
 * <ul>
 *   <li>{@code headers} (10 s by default): from the moment a connection waits for a request (it
 *       opened, or its last answer was sent) until that request's line and headers are complete.
 *       Every server that delivers activities sends them in one packet; ten seconds allows a very
 *       slow link many times over. It also bounds how long a kept-alive connection may wait for
 *       its next request, as Apache's keep-alive timeout (5 s) and nginx's (75 s) do. The
 *       connection is closed, without an answer, when it passes.
 *   <li>{@code body} (30 s by default): from the complete headers until the whole body has
 *       arrived. Activities are a few KiB and arrive in well under a second; thirty seconds lets
 *       even the largest body the inbox takes (1 MiB) arrive at 35 KB/s. A request not answered
 *       yet is answered 408; the connection is closed.
 *   <li>{@code idle} (60 s by default): no byte read or written for that long closes the
 *       connection (Vert.x's idle timeout). Longer than any silence the node causes itself (an
 *       inbound request waits quietly for its key, up to two outbound deadlines of 10 s), so only
 *       a client that stopped reading its answer, or a handler that never answered, meets it.
 *   <li>{@code perAddress} (128 by default; 0 for no cap): connections one remote address (an
 *       IPv6 /64) may hold open at once; one more is closed as soon as it opens. Lattice's own
 *       deliveries keep at most eight in flight per host, and a large instance's delivery workers
 *       behind one address dozens; 128 leaves room for them, while no one address can hold more
 *       than that many of the process's file descriptors. Behind a reverse proxy every connection
 *       comes from the proxy's address: there, set 0 and cap at the proxy.
 * </ul>
 *
 * @param headers how long a connection may take to send a request's line and headers
 * @param body how long a request's body may take after its headers
 * @param idle how long a connection may go without a byte either way
 * @param perAddress connections one address may hold open at once (0: no cap)
 */
public record ServerLimits(Duration headers, Duration body, Duration idle, int perAddress) {
  /** Headers within 10 s, the body within 30 s, 60 s idle, 128 connections an address (the reasons above). */
  public static ServerLimits defaults() {
    return new ServerLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 128);
  }

  public ServerLimits {
    for (Duration d : new Duration[] {headers, body, idle}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("deadlines and the idle timeout must be positive, not " + d);
      }
    }
    if (perAddress < 0) {
      throw new IllegalArgumentException("connections per address must be 0 (no cap) or more, not " + perAddress);
    }
  }

  /** These limits with another header deadline. */
  public ServerLimits withHeaders(Duration d) {
    return new ServerLimits(d, body, idle, perAddress);
  }

  /** These limits with another body deadline. */
  public ServerLimits withBody(Duration d) {
    return new ServerLimits(headers, d, idle, perAddress);
  }

  /** These limits with another idle timeout. */
  public ServerLimits withIdle(Duration d) {
    return new ServerLimits(headers, body, d, perAddress);
  }

  /** These limits with another cap on connections per address (0: none). */
  public ServerLimits withPerAddress(int n) {
    return new ServerLimits(headers, body, idle, n);
  }
}
