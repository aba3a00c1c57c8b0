package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Jena Fuseki server for the integration tests: the {@code jena-fuseki-server} jar from
 * Maven (which {@code mvn verify} copies to {@code target/fuseki/} before them), in a process of its
 * own on loopback, with one in-memory, updatable dataset, {@code /lattice}. Ready once it says so;
 * stopped by its PID.
 */
final class FusekiServer implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final Process process;
  private final int port;

  private FusekiServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts one, working in {@code dir}, and returns once it said it started. */
  static FusekiServer start(Path dir) throws Exception {
    Path jar = Path.of("target", "fuseki", "jena-fuseki-server.jar").toAbsolutePath();
    assertThat(jar).as("the Fuseki jar mvn verify copies before the integration tests").exists();
    int port = FedifyPeer.freePort();
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", jar.toString(), "org.apache.jena.fuseki.main.cmds.FusekiMainCmd", "--localhost", "--port=" + port,
        "--mem", "--update", "/lattice").directory(dir.toFile()).redirectErrorStream(true).start();
    FusekiServer f = new FusekiServer(p, port);
    try {
      f.awaitStarted();
      return f;
    } catch (Exception | AssertionError e) {
      f.close();
      throw e;
    }
  }

  /** The dataset's URL, as a node's {@code remoteLinkedData} takes it. */
  URI dataset() {
    return URI.create("http://127.0.0.1:" + port + "/lattice");
  }

  /** {@code query}'s answer at the dataset, in CSV. */
  String csv(String query) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(dataset() + "/query?query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("accept", "text/csv").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  /** Waits for Fuseki to say it started, from its own output (no polling); fails with what it said if it stops. */
  private void awaitStarted() throws Exception {
    CompletableFuture<Void> started = new CompletableFuture<>();
    StringBuilder said = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          synchronized (said) {
            said.append(line).append('\n');
          }
          if (line.contains("Start Fuseki")) {
            started.complete(null);
          }
        }
        started.completeExceptionally(new AssertionError("Fuseki stopped before it started:\n" + said));
      } catch (Exception e) {
        started.completeExceptionally(e);
      }
    }, "fuseki-output");
    reader.setDaemon(true);
    reader.start();
    started.get(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    process.destroy(); // by its PID
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
