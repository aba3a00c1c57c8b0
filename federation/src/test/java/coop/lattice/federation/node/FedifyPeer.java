package coop.lattice.federation.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The Fedify peer (src/test/peers/fedify) as a real Node.js process on 127.0.0.1: installed into
 * target/ on first use, started on a free port, its output read line by line so that tests wait
 * for what it logs (no sleeps), stopped by its PID.
 */
final class FedifyPeer implements AutoCloseable {
  final int port;
  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private FedifyPeer(int port, Process process) {
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
    }, "fedify-peer-output");
    reader.setDaemon(true);
    reader.start();
  }

  static FedifyPeer start() throws Exception {
    Path source = Path.of("src/test/peers/fedify");
    Path dir = Path.of("target/fedify-peer");
    Files.createDirectories(dir);
    for (String f : List.of("package.json", "server.mjs")) {
      Files.copy(source.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(dir.resolve("node_modules/@fedify/fedify"))) {
      Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund").directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(dir.resolve("npm-install.log").toFile()).start();
      if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        npm.destroyForcibly();
        throw new IllegalStateException("npm install failed; see " + dir.resolve("npm-install.log"));
      }
    }
    int port = freePort();
    Process p = new ProcessBuilder("node", "server.mjs", Integer.toString(port)).directory(dir.toFile())
        .redirectErrorStream(true).start();
    FedifyPeer peer = new FedifyPeer(port, p);
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
