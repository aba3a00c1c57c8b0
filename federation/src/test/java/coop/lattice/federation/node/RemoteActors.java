package coop.lattice.federation.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.keys.ActorKeys;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A remote server on loopback whose every path is a {@code Person} with an RSA-2048 key of its
 * own ({@code <path>#main-key}) and an Ed25519 one ({@code <path>#ed25519-key}), made when first
 * asked for, unless a test serves something else
 * there; and the signed POST a remote server sends to an inbox.
 */
final class RemoteActors implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
  private final Map<String, KeyPair> ed25519 = new ConcurrentHashMap<>();
  private final Map<String, io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest>> other =
      new ConcurrentHashMap<>();
  final String origin;

  private RemoteActors(Vertx vertx) throws Exception {
    server = vertx.createHttpServer().requestHandler(r -> {
      var special = other.get(r.path());
      if (special != null) {
        special.handle(r);
        return;
      }
      String id = origin() + r.path();
      ObjectNode a = person(id, key(r.path()).getPublic());
      ObjectNode m = a.putArray("assertionMethod").addObject();
      m.put("id", id + "#ed25519-key");
      m.put("type", "Multikey");
      m.put("controller", id);
      m.put("publicKeyMultibase", ActorKeys.multibase(ed25519(r.path()).getPublic()));
      r.response().putHeader("content-type", "application/activity+json").end(a.toString());
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    origin = "http://127.0.0.1:" + server.actualPort();
  }

  /** A {@code Person} at {@code id} with {@code rsa} as its {@code publicKey} ({@code id#main-key}). */
  static ObjectNode person(String id, java.security.PublicKey rsa) {
    ObjectNode a = JSON.createObjectNode();
    a.put("@context", "https://www.w3.org/ns/activitystreams");
    a.put("id", id);
    a.put("type", "Person");
    a.put("inbox", id + "/inbox");
    ObjectNode k = a.putObject("publicKey");
    k.put("id", id + "#main-key");
    k.put("owner", id);
    k.put("publicKeyPem", ActorKeys.pem(rsa));
    return a;
  }

  static RemoteActors start(Vertx vertx) throws Exception {
    return new RemoteActors(vertx);
  }

  private String origin() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Serves {@code path} with {@code handler} instead of an actor. */
  void serve(String path, io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest> handler) {
    other.put(path, handler);
  }

  /** The key of the actor at {@code path} on this server. */
  KeyPair key(String path) {
    return keys.computeIfAbsent(path, p -> {
      try {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** The Ed25519 key of the actor at {@code path}, listed as {@code <path>#ed25519-key} under {@code assertionMethod}. */
  KeyPair ed25519(String path) {
    return ed25519.computeIfAbsent(path, p -> {
      try {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** Posts {@code body} as the actor at {@code actorPath}, signed with draft-cavage now. */
  HttpResponse<String> post(URI inbox, String body, String actorPath) throws Exception {
    return signedPost(inbox, body, origin + actorPath + "#main-key", key(actorPath), HttpSignatures.Scheme.CAVAGE,
        Instant.now(), m -> m);
  }

  /** Posts {@code body} to {@code inbox} signed as {@code keyId}, letting {@code change} alter the signed message. */
  static HttpResponse<String> signedPost(URI inbox, String body, String keyId, KeyPair key, HttpSignatures.Scheme scheme,
      Instant at, UnaryOperator<HttpMessage> change) throws Exception {
    HttpMessage m = HttpMessage.request("POST", "http", inbox.getAuthority(), inbox.getPath(),
        body.getBytes(StandardCharsets.UTF_8)).with("content-type", "application/activity+json");
    HttpMessage signed = change.apply(HttpSignatures.sign(m, scheme, keyId, key.getPrivate(), at));
    HttpRequest.Builder b = HttpRequest.newBuilder(inbox).timeout(WAIT)
        .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
    signed.headers().forEach((k, v) -> {
      if (!k.equals("host") && !k.equals("content-length")) {
        v.forEach(x -> b.header(k, x));
      }
    });
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the remote server did not close", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
