package coop.lattice.federation.net;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A server on 127.0.0.1 that answers every request slowly on purpose: once the request's first
 * bytes arrive it writes {@code atOnce}, then {@code trickled} one byte each {@code every}, for as
 * long as the connection stays open. {@link #closed()} completes, with how long the connection was
 * open, when the first connection is closed by the other side.
 */
public final class TricklingServer implements AutoCloseable {
  private final NetServer server;
  private final CompletableFuture<Duration> closed = new CompletableFuture<>();
  public final int port;

  private TricklingServer(Vertx vertx, Duration every, String atOnce, String trickled) throws Exception {
    byte[] slow = trickled.getBytes(StandardCharsets.UTF_8);
    server = vertx.createNetServer().connectHandler(socket -> {
      long opened = System.nanoTime();
      long[] timer = {-1};
      int[] next = {0};
      socket.handler(request -> {
        if (timer[0] >= 0 || next[0] > 0) {
          return; // answering already
        }
        socket.write(Buffer.buffer(atOnce));
        timer[0] = vertx.setPeriodic(every.toMillis(), id -> {
          if (next[0] < slow.length) {
            socket.write(Buffer.buffer(new byte[] {slow[next[0]++]}));
          }
        });
      });
      socket.closeHandler(v -> {
        if (timer[0] >= 0) {
          vertx.cancelTimer(timer[0]);
        }
        closed.complete(Duration.ofNanos(System.nanoTime() - opened));
      });
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    port = server.actualPort();
  }

  /** Trickles the whole answer, status line and headers included. */
  public static TricklingServer wholeAnswer(Vertx vertx, Duration every, String contentType, String body)
      throws Exception {
    return new TricklingServer(vertx, every, "", head(contentType, body) + body);
  }

  /** Sends the status line and headers at once, then trickles the body. */
  public static TricklingServer bodyOnly(Vertx vertx, Duration every, String contentType, String body)
      throws Exception {
    return new TricklingServer(vertx, every, head(contentType, body), body);
  }

  private static String head(String contentType, String body) {
    return "HTTP/1.1 200 OK\r\ncontent-type: " + contentType + "\r\ncontent-length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
  }

  public String origin() {
    return "http://127.0.0.1:" + port;
  }

  /** Completes with how long the first connection was open, once the other side closed it. */
  public CompletableFuture<Duration> closed() {
    return closed;
  }

  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the trickling server did not close", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
