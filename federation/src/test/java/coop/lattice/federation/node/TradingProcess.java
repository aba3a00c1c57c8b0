package coop.lattice.federation.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link TradingNode} in a child JVM: commands go in as lines, its answers and events come back as
 * lines, queued as they come, so the test waits for the line that says something happened. Stopped
 * by its PID.
 */
final class TradingProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Writer commands;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private TradingProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> pump(process.getInputStream()), "trading-node-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts collective {@code id} on {@code port}, its partners' ports in {@code partners} as {@code id=port}. */
  static TradingProcess start(Path dir, String id, int port, List<String> partners) throws IOException {
    return start(thisBuild(), dir, id, port, partners);
  }

  /** The JVM options that run this build's {@code TradingNode}: this JVM's classpath. */
  static List<String> thisBuild() {
    return List.of("-cp", System.getProperty("java.class.path"));
  }

  /**
   * Starts collective {@code id} as {@link #start(Path, String, int, List)} does, in a JVM given the
   * options {@code jvm} (its classpath among them): the {@code TradingNode} of another build, such as
   * the {@link PreviousBuild previous one}.
   */
  static TradingProcess start(List<String> jvm, Path dir, String id, int port, List<String> partners)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m"));
    command.addAll(jvm);
    command.addAll(List.of(TradingNode.class.getName(), dir.resolve(id).toString(), id, Integer.toString(port)));
    command.addAll(partners);
    return new TradingProcess(id, new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  private void pump(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("(output closed: " + e + ")");
    }
  }

  /** Sends {@code command} and waits for the line that starts with {@code answer}; returns it. */
  String ask(String command, String answer, Duration within) throws IOException, InterruptedException {
    commands.write(command + "\n");
    commands.flush();
    return await(l -> l.startsWith(answer), within);
  }

  /** Waits for a line {@code wanted} accepts; fails with everything seen if none comes {@code within}. */
  String await(Predicate<String> wanted, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
      if (line == null) {
        throw new AssertionError(name + " (pid " + process.pid() + ") said nothing wanted within " + within
            + "; it said:\n" + String.join("\n", seen));
      }
      seen.add(line);
      if (line.startsWith("error ")) {
        throw new AssertionError(name + ": " + line);
      }
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  /** Kills the process at once ({@code kill -9}, by its PID), and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Waits until the node says that {@code trades} of its trades have reached their last step. */
  void acknowledged(int trades, Duration within) throws InterruptedException {
    await(l -> l.equals("acknowledged " + trades), within);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
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
}
