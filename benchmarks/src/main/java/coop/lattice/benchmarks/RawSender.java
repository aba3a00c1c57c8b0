package coop.lattice.benchmarks;

import coop.lattice.federation.http.HttpMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lean load generator for {@link InboxLoad}: requests encoded to their HTTP/1.1 bytes before the
 * clock starts, written on keep-alive connections from one selector thread, one request in flight
 * per connection, each response read whole (status line, headers, a {@code Content-Length} or
 * chunked body) before the connection's next request. What a load generator beside the server
 * should cost it: little. Against a server that closes a connection, it opens another.
 */
final class RawSender {
  private final InetSocketAddress server;
  private final byte[][] requests;

  RawSender(InetSocketAddress server, HttpMessage[] messages) {
    this.server = server;
    this.requests = new byte[messages.length][];
    for (int i = 0; i < messages.length; i++) {
      requests[i] = encode(messages[i]);
    }
  }

  private static byte[] encode(HttpMessage m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(m.body().length + 1024);
    StringBuilder head = new StringBuilder(m.method()).append(' ').append(m.pathAndQuery()).append(" HTTP/1.1\r\n");
    if (!m.headers().containsKey("host")) {
      head.append("host: ").append(m.authority()).append("\r\n");
    }
    m.headers().forEach((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n")));
    head.append("content-length: ").append(m.body().length).append("\r\n\r\n");
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(m.body());
    return out.toByteArray();
  }

  /** Sends every request, {@code connections} at a time, waits for every response, and says how they were answered. */
  InboxLoad.Phase send(int connections) throws IOException {
    InboxLoad.Phase phase = new InboxLoad.Phase();
    int next = 0;
    int done = 0;
    long start = System.nanoTime();
    try (Selector selector = Selector.open()) {
      for (int c = 0; c < Math.min(connections, requests.length); c++) {
        Connection conn = new Connection(open(selector));
        conn.key.attach(conn);
        conn.start(next++, requests);
      }
      while (done < requests.length) {
        selector.select();
        for (SelectionKey key : selector.selectedKeys()) {
          Connection conn = (Connection) key.attachment();
          if (key.isValid() && key.isWritable()) {
            conn.write();
          }
          if (key.isValid() && key.isReadable()) {
            int status = conn.read();
            if (status == 0) {
              continue; // the response is not whole yet
            }
            phase.latencies.add(System.nanoTime() - conn.sentAt);
            phase.statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
            if (status == 202) {
              phase.accepted.incrementAndGet();
            }
            done++;
            if (conn.closeAfter) {
              key.channel().close();
              conn = new Connection(open(selector));
              conn.key.attach(conn);
            }
            if (next < requests.length) {
              conn.start(next++, requests);
            } else {
              conn.key.channel().close();
            }
          }
        }
        selector.selectedKeys().clear();
      }
    }
    phase.nanos = System.nanoTime() - start;
    return phase;
  }

  private SelectionKey open(Selector selector) throws IOException {
    SocketChannel ch = SocketChannel.open(server);
    ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
    ch.configureBlocking(false);
    return ch.register(selector, 0);
  }

  /** One keep-alive connection: the request being written, the response being read. */
  private static final class Connection {
    final SelectionKey key;
    private ByteBuffer out;
    private final ByteBuffer in = ByteBuffer.allocate(64 << 10);
    int request;
    long sentAt;
    boolean closeAfter;

    Connection(SelectionKey key) {
      this.key = key;
    }

    void start(int i, byte[][] requests) {
      request = i;
      out = ByteBuffer.wrap(requests[i]);
      in.clear();
      closeAfter = false;
      sentAt = System.nanoTime();
      write();
    }

    void write() {
      try {
        ((SocketChannel) key.channel()).write(out);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write request " + request, e);
      }
      key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    /** Reads what arrived; the response's status once it is whole, else 0. */
    int read() {
      try {
        if (!in.hasRemaining()) {
          throw new IOException("the answer to request " + request + " is over " + in.capacity() + " bytes");
        }
        if (((SocketChannel) key.channel()).read(in) < 0) {
          throw new IOException("the server closed the connection before answering request " + request);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Responses.whole(in.array(), in.position(), this);
    }
  }

  /** HTTP/1.1 response framing, just enough for a load generator. */
  private static final class Responses {
    /** The status if {@code buf[0..n)} holds a whole response, else 0; notes {@code Connection: close}. */
    static int whole(byte[] buf, int n, Connection conn) {
      int headEnd = indexOf(buf, n, "\r\n\r\n", 0);
      if (headEnd < 0) {
        return 0;
      }
      String head = new String(buf, 0, headEnd, StandardCharsets.ISO_8859_1);
      int status = Integer.parseInt(head.substring(9, 12));
      long length = 0;
      boolean chunked = false;
      for (String line : head.split("\r\n")) {
        String l = line.toLowerCase(Locale.ROOT);
        if (l.startsWith("content-length:")) {
          length = Long.parseLong(l.substring(15).trim());
        } else if (l.startsWith("transfer-encoding:") && l.contains("chunked")) {
          chunked = true;
        } else if (l.startsWith("connection:") && l.contains("close")) {
          conn.closeAfter = true;
        }
      }
      int body = headEnd + 4;
      if (!chunked) {
        return n >= body + length ? status : 0;
      }
      for (int at = body; ; ) { // chunk sizes in hex, each line ended by CRLF, the last chunk of size 0
        int eol = indexOf(buf, n, "\r\n", at);
        if (eol < 0) {
          return 0;
        }
        int size = Integer.parseInt(new String(buf, at, eol - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
        if (size == 0) {
          return indexOf(buf, n, "\r\n", eol + 2) >= 0 ? status : 0;
        }
        at = eol + 2 + size + 2;
        if (at > n) {
          return 0;
        }
      }
    }

    private static int indexOf(byte[] buf, int n, String what, int from) {
      outer:
      for (int i = from; i + what.length() <= n; i++) {
        for (int j = 0; j < what.length(); j++) {
          if (buf[i + j] != what.charAt(j)) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
