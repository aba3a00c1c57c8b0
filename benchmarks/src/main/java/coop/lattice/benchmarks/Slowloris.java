package coop.lattice.benchmarks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A slowloris attack on 127.0.0.1: {@code connections} connections, each sending a request line
 * and then one more byte of header every {@code every}, never finishing its headers; a connection
 * the server closes is opened again at once, so the attack holds as many as the server lets it.
 * It counts the connections it opened and those the server closed, with how long each was open.
 */
final class Slowloris {
  private final Vertx vertx;
  private final NetClient client;
  private final int port;
  private final String path;
  private final Duration every;
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<Long> closedAfterNanos = new ConcurrentLinkedQueue<>();
  private final AtomicInteger opened = new AtomicInteger();
  private volatile boolean running;

  Slowloris(Vertx vertx, int port, String path, Duration every) {
    this.vertx = vertx;
    this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(10_000));
    this.port = port;
    this.path = path;
    this.every = every;
  }

  /** Opens {@code connections} connections; completes when all are open. */
  Future<Void> start(int connections) {
    running = true;
    List<Future<Void>> all = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      all.add(connect());
    }
    return Future.all(all).mapEmpty();
  }

  private Future<Void> connect() {
    return client.connect(port, "127.0.0.1").map(socket -> {
      opened.incrementAndGet();
      open.add(socket);
      long since = System.nanoTime();
      socket.write(Buffer.buffer(("POST " + path + " HTTP/1.1\r\nhost: 127.0.0.1:" + port + "\r\n")
          .getBytes(StandardCharsets.ISO_8859_1)));
      byte[] header = "x-slow-header-that-never-ends: ".getBytes(StandardCharsets.ISO_8859_1);
      int[] next = {0};
      long timer = vertx.setPeriodic(every.toMillis(), id -> socket.write(Buffer.buffer(new byte[] {
          header[next[0]++ % header.length]})));
      socket.closeHandler(v -> {
        vertx.cancelTimer(timer);
        open.remove(socket);
        if (running) {
          closedAfterNanos.add(System.nanoTime() - since);
          connect();
        }
      });
      return null;
    });
  }

  /** Stops reopening and closes every connection still open. */
  Future<Void> stop() {
    running = false;
    List<Future<Void>> closing = new ArrayList<>();
    open.forEach(s -> closing.add(s.close()));
    return Future.join(closing).mapEmpty();
  }

  int opened() {
    return opened.get();
  }

  /** How long each connection the server closed while the attack ran had been open, in seconds, sorted. */
  double[] closedAfterSeconds() {
    return closedAfterNanos.stream().mapToDouble(n -> n / 1e9).sorted().toArray();
  }
}
