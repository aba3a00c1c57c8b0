package coop.lattice.federation.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A client connection on loopback that writes what a test tells it to, as slowly as it is told,
 * and records what comes back: {@link #closed()} completes with how long the connection was open
 * once the server closed it; {@link #answered()} with the first bytes of an answer.
 */
final class RawConnection {
  private final Vertx vertx;
  private final NetSocket socket;
  private final long opened = System.nanoTime();
  private final StringBuffer received = new StringBuffer();
  private final CompletableFuture<Duration> closed = new CompletableFuture<>();
  private final CompletableFuture<String> answered = new CompletableFuture<>();
  private volatile long trickle = -1;

  private RawConnection(Vertx vertx, NetSocket socket) {
    this.vertx = vertx;
    this.socket = socket;
    socket.handler(b -> {
      received.append(b.toString(StandardCharsets.ISO_8859_1));
      answered.complete(received.toString());
    });
    socket.closeHandler(v -> {
      stopTrickling();
      closed.complete(Duration.ofNanos(System.nanoTime() - opened));
    });
  }

  static Future<RawConnection> open(Vertx vertx, NetClient client, int port) {
    return client.connect(port, "127.0.0.1").map(s -> new RawConnection(vertx, s));
  }

  /** Writes {@code text} at once. */
  RawConnection write(String text) {
    socket.write(Buffer.buffer(text.getBytes(StandardCharsets.ISO_8859_1)));
    return this;
  }

  /** Writes {@code bytes} one at a time, one each {@code every}, until they run out or the connection closes. */
  RawConnection trickle(byte[] bytes, Duration every) {
    int[] next = {0};
    trickle = vertx.setPeriodic(every.toMillis(), id -> {
      if (next[0] < bytes.length) {
        socket.write(Buffer.buffer(new byte[] {bytes[next[0]++]}));
      } else {
        vertx.cancelTimer(id);
      }
    });
    return this;
  }

  private void stopTrickling() {
    if (trickle >= 0) {
      vertx.cancelTimer(trickle);
    }
  }

  /** How long the connection was open, once the server closed it. */
  CompletableFuture<Duration> closed() {
    return closed;
  }

  /** What the server sent first, once it sent anything. */
  CompletableFuture<String> answered() {
    return answered;
  }

  /** Everything the server sent so far. */
  String received() {
    return received.toString();
  }

  Future<Void> close() {
    stopTrickling();
    return socket.close();
  }
}
