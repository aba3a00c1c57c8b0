package coop.lattice.federation.net;

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
 * without loops, checking each hop again, and enforces a total deadline and a body cap while
 * the body streams in.
 */
public final class SafeClient {
  /** The limits of one exchange. */
  public record Limits(Duration deadline, int maxBody, int maxRedirects) {
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), 1 << 20, 5);
  }

  /** A response: the status, headers by lower-case name, the body, and the URI after redirects. */
  public record Response(int status, Map<String, List<String>> headers, byte[] body, URI uri) {
    public String header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null || v.isEmpty() ? "" : v.get(0);
    }
  }

  /** The request was refused before it went out, or failed on the way: the message says which. */
  public static final class Refused extends FederationException {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
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
    this.client = vertx.createHttpClient(new HttpClientOptions().setMaxRedirects(0).setKeepAlive(true)
        .setConnectTimeout((int) limits.deadline().toMillis()));
  }

  /**
   * Sends {@code request} (method, URI and body from the message; {@code sign} adds headers and
   * the signature for each hop) and follows redirects for GET.
   */
  public Future<Response> send(HttpMessage request, Function<HttpMessage, HttpMessage> sign) {
    long deadline = System.nanoTime() + limits.deadline().toNanos();
    return hop(request, sign, deadline, 0, new HashSet<>());
  }

  private Future<Response> hop(HttpMessage m, Function<HttpMessage, HttpMessage> sign, long deadline, int redirects,
      Set<String> seen) {
    URI uri = URI.create(m.scheme() + "://" + m.authority() + m.pathAndQuery());
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
    return vertx.<InetAddress[]>executeBlocking(() -> InetAddress.getAllByName(host), false).compose(addresses -> {
      for (InetAddress a : addresses) {
        var refusal = policy.refusal(a, port);
        if (refusal.isPresent()) {
          return Future.failedFuture(new Refused("refused to connect to " + host + ": " + refusal.get()));
        }
      }
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return Future.failedFuture(new Refused("deadline passed before " + uri));
      }
      HttpMessage signed = sign.apply(m);
      RequestOptions ro = new RequestOptions().setMethod(HttpMethod.valueOf(m.method()))
          .setServer(SocketAddress.inetSocketAddress(port, addresses[0].getHostAddress())).setHost(host).setPort(port)
          .setSsl(uri.getScheme().equals("https")).setURI(m.pathAndQuery()).setFollowRedirects(false)
          .setTimeout(left);
      signed.headers().forEach((k, v) -> v.forEach(x -> ro.addHeader(k, x)));
      return client.request(ro).compose(req -> req.send(Buffer.buffer(m.body()))).compose(resp -> {
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
