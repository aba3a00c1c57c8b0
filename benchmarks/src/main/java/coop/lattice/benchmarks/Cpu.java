package coop.lattice.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time (all threads), user and system apart, from Linux's {@code /proc}, for the
 * load harnesses: what a phase cost the server and the load process, not only how long it took.
 */
record Cpu(long userNanos, long systemNanos) {
  /** Linux's USER_HZ, 100 on every common configuration; {@code getconf CLK_TCK} says so. */
  private static final long TICKS_PER_SECOND = Long.getLong("clk.tck", 100);

  /** The CPU the process has used so far; none for a negative pid (no process given). */
  static Cpu ofProcess(long pid) {
    if (pid < 0) {
      return new Cpu(0, 0);
    }
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // The command name in parentheses may hold spaces: count the fields after its closing one.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new Cpu(nanos(f[11]), nanos(f[12])); // utime and stime, fields 14 and 15 of the line
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
    }
  }

  static Cpu ofThisProcess() {
    return ofProcess(ProcessHandle.current().pid());
  }

  private static long nanos(String ticks) {
    return Long.parseLong(ticks) * 1_000_000_000L / TICKS_PER_SECOND;
  }

  Cpu since(Cpu start) {
    return new Cpu(userNanos - start.userNanos, systemNanos - start.systemNanos);
  }

  /** Milliseconds per request, in all and split: {@code 0.451 ms (user 0.300, system 0.151)}. */
  String perRequest(int requests) {
    return String.format("%.3f ms (user %.3f, system %.3f)", (userNanos + systemNanos) / 1e6 / requests,
        userNanos / 1e6 / requests, systemNanos / 1e6 / requests);
  }
}
