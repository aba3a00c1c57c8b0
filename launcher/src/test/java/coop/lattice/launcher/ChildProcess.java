package coop.lattice.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
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
 * The {@code lattice} command in a child JVM, as an operator runs it. Its output lines (standard
 * output and error together) are queued as they come, so a test waits for the line that says
 * something happened, not for time to pass. Stopped by its PID.
 */
final class ChildProcess implements AutoCloseable {
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private ChildProcess(Process process) throws IOException {
    this.process = process;
    process.getOutputStream().close(); // nobody types: a command that asks reads end of input
    Thread reader = new Thread(() -> pump(process.getInputStream()), "child-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  static ChildProcess lattice(Path workDir, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Lattice.class.getName());
    command.addAll(List.of(args));
    return new ChildProcess(new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start());
  }

  private void pump(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("(output closed: " + e + ")");
    }
  }

  /** Waits for a line that {@code wanted} accepts; fails with everything seen if none comes in {@code within}. */
  String await(Predicate<String> wanted, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
      if (line == null) {
        throw new AssertionError("no such line from pid " + process.pid() + " within " + within + "; saw:\n"
            + String.join("\n", seen));
      }
      seen.add(line);
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  String await(String contains, Duration within) throws InterruptedException {
    return await(l -> l.contains(contains), within);
  }

  /** Waits for the process to end; the exit code. */
  int exitCode(Duration within) throws InterruptedException {
    if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("pid " + process.pid() + " did not end within " + within);
    }
    return process.exitValue();
  }

  /** Everything it printed so far (drains the queue). */
  String output() {
    lines.drainTo(seen);
    return String.join("\n", seen);
  }

  long pid() {
    return process.pid();
  }

  /** Sends SIGTERM to this process (by its PID) and waits for it to end; SIGKILL if it does not. */
  @Override
  public void close() {
    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }
}
