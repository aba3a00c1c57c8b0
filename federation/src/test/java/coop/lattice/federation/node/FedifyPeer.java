package coop.lattice.federation.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Fedify peer (a folder under src/test/peers: {@code fedify} is Fedify 1.5.9, {@code fedify-1.10}
 * Fedify 1.10.12) as a real Node.js process on 127.0.0.1: installed into target/FOLDER-peer on first
 * use (again when its package.json changed), started on a free port with the folder's command, its
 * output read line by line so that tests wait for what it logs (no sleeps), stopped by its PID.
 */
final class FedifyPeer implements AutoCloseable {
  /** How each peer folder is started; the port is added at the end. */
  private static final Map<String, List<String>> COMMANDS = Map.of(
      "fedify", List.of("node", "server.mjs"),
      // Fedify 1.10 wants Node.js 22; the polyfill gives Node.js 20 what it misses (see the folder's README).
      "fedify-1.10", List.of("node", "--import", "./node20-polyfill.mjs", "server.mjs"));

  final int port;
  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private FedifyPeer(String folder, int port, Process process) {
    this.port = port;
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("[reader] " + e);
      }
    }, folder + "-peer-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Installs (if need be) and starts the peer in src/test/peers/{@code folder}; returns once it listens. */
  static FedifyPeer start(String folder) throws Exception {
    List<String> command = COMMANDS.get(folder);
    if (command == null) {
      throw new IllegalArgumentException("no Fedify peer folder " + folder + "; known: " + COMMANDS.keySet());
    }
    Path dir = NodePackages.install(folder, "node_modules/@fedify/fedify");
    int port = freePort();
    List<String> run = new ArrayList<>(command);
    run.add(Integer.toString(port));
    Process p = new ProcessBuilder(run).directory(dir.toFile()).redirectErrorStream(true).start();
    FedifyPeer peer = new FedifyPeer(folder, port, p);
    peer.await(l -> l.contains("fedify-peer listening on"), Duration.ofSeconds(60));
    return peer;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  String origin() {
    return "http://127.0.0.1:" + port;
  }

  String actor() {
    return origin() + "/users/peer";
  }

  /** Waits for a line of output that {@code match} accepts (lines seen before count too). */
  String await(Predicate<String> match, Duration timeout) throws InterruptedException {
    for (String l : seen) {
      if (match.test(l)) {
        return l;
      }
    }
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      String l = lines.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (l == null) {
        throw new AssertionError("the Fedify peer did not log the expected line within " + timeout + "; it said: "
            + String.join("\n", seen));
      }
      seen.add(l);
      if (match.test(l)) {
        return l;
      }
      if (!process.isAlive() && lines.isEmpty()) {
        throw new AssertionError("the Fedify peer exited: " + String.join("\n", seen));
      }
    }
  }

  /** Every line the peer printed so far, in order (what {@link #await} has seen and what came since). */
  List<String> linesSoFar() {
    lines.drainTo(seen);
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    long pid = process.pid();
    ProcessHandle.of(pid).ifPresent(h -> {
      h.descendants().forEach(ProcessHandle::destroy);
      h.destroy();
    });
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
