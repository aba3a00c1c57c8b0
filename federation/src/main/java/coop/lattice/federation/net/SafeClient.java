package coop.lattice.federation.net;

import com.google.common.net.InetAddresses;
import coop.lattice.federation.FederationException;
import coop.lattice.federation.http.HttpMessage;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Outbound HTTP that an attacker cannot aim: it resolves names itself, refuses the request if
 * any resolved address is blocked by the {@link AddressPolicy}, connects to exactly the address
 * it checked (no second lookup to rebind), follows at most five redirects on the same scheme
 * without loops, checking each hop again, and enforces a body cap while the body streams in.
 *
 * <p>Every exchange has a <em>total</em> deadline ({@link Limits#deadline()}, ten seconds by
 * default): the name lookup, the connection, the answer's headers and its whole body, and every
 * redirect, all within it. A server that trickles its answer cannot hold a request (or the inbound
 * request waiting on a key fetch) past it: the future fails with {@link DeadlinePassed} when it
 * passes and the request is reset. Each hop's connect and idle timeouts are also set to the time
 * left, so a connection attempt never outlives the deadline either.
 */
public final class SafeClient {
  /**
   * The limits of one exchange: its total deadline (lookup, connection, redirects and the whole
   * body), the largest body taken, and how many redirects are followed.
   */
  public record Limits(Duration deadline, int maxBody, int maxRedirects) {
    /** Ten seconds, 1 MiB, five redirects. */
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), 1 << 20, 5);

    public Limits {
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("the deadline must be positive, not " + deadline);
      }
      if (maxBody < 0 || maxRedirects < 0) {
        throw new IllegalArgumentException("the body cap and the redirects cannot be negative");
      }
    }

    /** These limits with another total deadline. */
    public Limits withDeadline(Duration total) {
      return new Limits(total, maxBody, maxRedirects);
    }
  }

  /** A response: the status, headers by lower-case name, the body, and the URI after redirects. */
  public record Response(int status, Map<String, List<String>> headers, byte[] body, URI uri) {
    public String header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null || v.isEmpty() ? "" : v.get(0);
    }
  }

  /**
   * The request was refused before it went out, or failed on the way: the message says which.
   * {@link DeadlinePassed} is the one kind of it that callers may want to tell apart.
   */
  public static class Refused extends FederationException {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  /** No complete answer came within the exchange's total deadline; the request was reset. */
  public static final class DeadlinePassed extends Refused {
    private static final long serialVersionUID = 1L;

    public DeadlinePassed(String message) {
      super(message);
    }
  }

  private final Vertx vertx;
  private final AddressPolicy policy;
  private final Limits limits;
  private final HttpClient client;

  public SafeClient(Vertx vertx, AddressPolicy policy, Limits limits) {
    this.vertx = vertx;
    this.policy = policy;
    this.limits = limits;
    // Idle connections are let go after 5 s: a Lattice node waits 10 s for the next request on a
    // kept-alive connection (ServerLimits#headers), and a client that keeps one longer now and then
    // sends a request just as the server closes it.
    this.client = vertx.createHttpClient(new HttpClientOptions().setMaxRedirects(0).setKeepAlive(true)
        .setKeepAliveTimeout(5).setConnectTimeout((int) Math.min(Integer.MAX_VALUE, limits.deadline().toMillis())));
  }

  /**
   * Sends {@code request} (method, URI and body from the message; {@code sign} adds headers and
   * the signature for each hop) and follows redirects for GET, all within the total deadline.
   */
  public Future<Response> send(HttpMessage request, Function<HttpMessage, HttpMessage> sign) {
    if (Vertx.currentContext() == null) {
      // Off Vert.x (an application's thread): go onto a context first, so that the response is
      // read on the context it arrives on; read from another, its end can come before its handler.
      return Future.<Void>future(p -> vertx.runOnContext(v -> p.complete())).compose(v -> send(request, sign));
    }
    return Deadline.within(vertx, limits.deadline(), uri(request),
        deadline -> hop(request, sign, deadline, 0, new HashSet<>()));
  }

  /** An address literal at once; a name through the resolver on a worker thread, since a lookup may block. */
  private Future<InetAddress[]> addresses(String host) {
    String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (InetAddresses.isInetAddress(literal)) {
      return Future.succeededFuture(new InetAddress[] {InetAddresses.forString(literal)});
    }
    return vertx.executeBlocking(() -> InetAddress.getAllByName(host), false);
  }

  private static URI uri(HttpMessage m) {
    return URI.create(m.scheme() + "://" + m.authority() + m.pathAndQuery());
  }

  private Future<Response> hop(HttpMessage m, Function<HttpMessage, HttpMessage> sign, Deadline deadline,
      int redirects, Set<String> seen) {
    URI uri = uri(m);
    if (!seen.add(uri.toString())) {
      return Future.failedFuture(new Refused("redirect loop at " + uri));
    }
    if (!uri.getScheme().equals("http") && !uri.getScheme().equals("https")) {
      return Future.failedFuture(new Refused("only http and https, not " + uri.getScheme()));
    }
    String host = uri.getHost();
    if (host == null) {
      return Future.failedFuture(new Refused("no host in " + uri));
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    return addresses(host).compose(addresses -> {
      for (InetAddress a : addresses) {
        var refusal = policy.refusal(a, port);
        if (refusal.isPresent()) {
          return Future.failedFuture(new Refused("refused to connect to " + host + ": " + refusal.get()));
        }
      }
      if (deadline.passed()) {
        return Future.failedFuture(deadline.failure());
      }
      long left = deadline.millisLeft();
      HttpMessage signed = sign.apply(m);
      RequestOptions ro = new RequestOptions().setMethod(HttpMethod.valueOf(m.method()))
          .setServer(SocketAddress.inetSocketAddress(port, addresses[0].getHostAddress())).setHost(host).setPort(port)
          .setSsl(uri.getScheme().equals("https")).setURI(m.pathAndQuery()).setFollowRedirects(false)
          .setConnectTimeout(left).setIdleTimeout(left);
      signed.headers().forEach((k, v) -> v.forEach(x -> ro.addHeader(k, x)));
      return client.request(ro).compose(req -> deadline.track(req) ? req.send(Buffer.buffer(m.body()))
          : Future.failedFuture(deadline.failure())).compose(resp -> {
        Promise<Response> p = Promise.promise();
        Buffer body = Buffer.buffer();
        resp.handler(chunk -> {
          body.appendBuffer(chunk);
          if (body.length() > limits.maxBody()) {
            p.tryFail(new Refused("the response from " + host + " is larger than " + limits.maxBody() + " bytes"));
            resp.request().reset();
          }
        });
        resp.exceptionHandler(p::tryFail);
        resp.endHandler(v -> {
          Map<String, List<String>> headers = new LinkedHashMap<>();
          resp.headers().forEach(e -> headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT),
              k -> new ArrayList<>()).add(e.getValue()));
          p.tryComplete(new Response(resp.statusCode(), headers, body.getBytes(), uri));
        });
        return p.future();
      }).compose(r -> {
        boolean redirect = r.status() >= 300 && r.status() < 400 && !r.header("location").isEmpty();
        if (!redirect || !m.method().equals("GET")) {
          return Future.succeededFuture(r);
        }
        if (redirects >= limits.maxRedirects()) {
          return Future.failedFuture(new Refused("more than " + limits.maxRedirects() + " redirects from " + uri));
        }
        URI next = uri.resolve(r.header("location"));
        if (!next.getScheme().equals(uri.getScheme())) {
          return Future.failedFuture(new Refused("a redirect may not change the scheme: " + next));
        }
        HttpMessage again = HttpMessage.request("GET", next, new byte[0]);
        HttpMessage withAccept = m.header("accept").map(v -> again.with("accept", v)).orElse(again);
        return hop(withAccept, sign, deadline, redirects + 1, seen);
      });
    });
  }

  public Future<Void> close() {
    return client.close();
  }
}
