package coop.lattice.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A process's CPU time (all threads), user and system apart, from Linux's {@code /proc}, for the
 * load harnesses: what a phase cost the server and the load process, not only how long it took.
 * The part the JIT compilers' threads took is counted apart too: a phase in which they are still
 * busy measures a server that is still warming up.
 */
record Cpu(long userNanos, long systemNanos, long compilerNanos) {
  /** Linux's USER_HZ, 100 on every common configuration; {@code getconf CLK_TCK} says so. */
  private static final long TICKS_PER_SECOND = Long.getLong("clk.tck", 100);

  /** The CPU the process has used so far; none for a negative pid (no process given). */
  static Cpu ofProcess(long pid) {
    if (pid < 0) {
      return new Cpu(0, 0, 0);
    }
    Path proc = Path.of("/proc/" + pid);
    try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
      String[] all = fields(proc.resolve("stat"));
      long compilers = 0;
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat = readOrEmpty(task.resolve("stat"));
        if (stat.contains("(C1 CompilerThre") || stat.contains("(C2 CompilerThre")) {
          String[] f = fields(stat);
          compilers += nanos(f[11]) + nanos(f[12]);
        }
      }
      return new Cpu(nanos(all[11]), nanos(all[12]), compilers);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
    }
  }

  /** The fields after the command name, which is in parentheses and may hold spaces. */
  private static String[] fields(Path stat) throws IOException {
    return fields(Files.readString(stat));
  }

  private static String[] fields(String stat) {
    return stat.substring(stat.lastIndexOf(')') + 2).split(" "); // utime, stime at 11 and 12
  }

  /** A thread's stat, or nothing when the thread ended since the directory was listed. */
  private static String readOrEmpty(Path stat) {
    try {
      return Files.readString(stat);
    } catch (IOException e) {
      return "";
    }
  }

  static Cpu ofThisProcess() {
    return ofProcess(ProcessHandle.current().pid());
  }

  private static long nanos(String ticks) {
    return Long.parseLong(ticks) * 1_000_000_000L / TICKS_PER_SECOND;
  }

  Cpu since(Cpu start) {
    return new Cpu(userNanos - start.userNanos, systemNanos - start.systemNanos,
        compilerNanos - start.compilerNanos);
  }

  /**
   * Milliseconds per request, in all and split, with the JIT compilers' part where there was one:
   * {@code 0.451 ms (user 0.300, system 0.151; JIT compilers 0.020)}.
   */
  String perRequest(int requests) {
    String compilers =
        compilerNanos == 0 ? "" : String.format("; JIT compilers %.3f", compilerNanos / 1e6 / requests);
    return String.format("%.3f ms (user %.3f, system %.3f%s)", (userNanos + systemNanos) / 1e6 / requests,
        userNanos / 1e6 / requests, systemNanos / 1e6 / requests, compilers);
  }
}
