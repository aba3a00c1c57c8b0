package coop.lattice.canonical;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EcmaScriptNumbers} against an independent implementation: Node's {@code JSON.stringify}
 * (V8), on 200,000 doubles from a fixed seed: random bit patterns, subnormals, short decimals and
 * sums of them, integers around 2^53, the neighbourhoods of 1e21, 1e-7 and 1e-6 where the
 * notation changes, every power of two and of ten with its neighbours, and widened floats.
 *
 * <p>Skipped, saying so, only when {@code node} is not on the PATH (CI installs Node 20).
 */
class EcmaScriptNumbersIT {
  static final int COUNT = 200_000;
  static final long SEED = 0x8785_2026_1201L;

  @Test
  void agreesWithJsonStringifyOn200000Doubles(@TempDir Path dir) throws Exception {
    Path node = onPath("node");
    Assumptions.assumeTrue(node != null,
        "node is not on the PATH, so the comparison with JSON.stringify is skipped (CI installs Node 20)");

    double[] values = sample(COUNT, SEED);
    assertThat(values).hasSize(COUNT);
    Path bits = dir.resolve("bits.txt");
    Path texts = dir.resolve("texts.txt");
    Path log = dir.resolve("node.log");
    Path script = dir.resolve("json-stringify-doubles.js");
    try (InputStream in = EcmaScriptNumbersIT.class.getResourceAsStream("json-stringify-doubles.js")) {
      assertThat(in).as("the script beside this test's resources").isNotNull();
      Files.copy(in, script);
    }
    StringBuilder b = new StringBuilder(COUNT * 17);
    for (double d : values) {
      String h = Long.toHexString(Double.doubleToRawLongBits(d));
      b.append("0".repeat(16 - h.length())).append(h).append('\n');
    }
    Files.writeString(bits, b, US_ASCII);

    Process p = new ProcessBuilder(node.toString(), script.toString(), bits.toString(), texts.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        fail("node did not finish in 180 s; its output: %s", Files.readString(log));
      }
    } finally {
      p.destroyForcibly();
    }
    assertThat(p.exitValue()).as("node's exit code; its output: %s", Files.readString(log)).isZero();
    List<String> expected = Files.readAllLines(texts, US_ASCII);
    assertThat(expected).hasSize(COUNT);

    long start = System.nanoTime();
    String[] actual = new String[COUNT];
    for (int i = 0; i < COUNT; i++) {
      actual[i] = EcmaScriptNumbers.format(values[i]);
    }
    long micros = (System.nanoTime() - start) / 1000;

    List<String> mismatches = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < COUNT; i++) {
      if (!actual[i].equals(expected.get(i))) {
        if (count++ < 10) {
          mismatches.add(String.format("bits %016x (%s): Java %s, JSON.stringify %s",
              Double.doubleToRawLongBits(values[i]), Double.toString(values[i]), actual[i], expected.get(i)));
        }
      }
    }
    System.out.printf("EcmaScriptNumbersIT: %d doubles compared with JSON.stringify (node %s), %d differ; "
        + "formatting took %d ms%n", COUNT, Files.readString(log).trim(), count, micros / 1000);
    assertThat(mismatches).as("%s of %s doubles differ from JSON.stringify; the first ones", count, COUNT).isEmpty();
  }

  /** The sample: the same {@code count} finite doubles for the same seed, in a fixed order. */
  static double[] sample(int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] out = new double[count];
    int[] n = {0};
    java.util.function.DoubleConsumer add = d -> {
      if (n[0] < count && Double.isFinite(d)) {
        out[n[0]++] = d;
      }
    };

    // Fixed: RFC 8785 Appendix B, the extremes, every power of two and of ten with its neighbours.
    for (String h : new String[] {"0000000000000000", "8000000000000000", "0000000000000001", "8000000000000001",
        "7fefffffffffffff", "ffefffffffffffff", "4340000000000000", "c340000000000000", "4430000000000000",
        "44b52d02c7e14af5", "44b52d02c7e14af6", "44b52d02c7e14af7", "444b1ae4d6e2ef4e", "444b1ae4d6e2ef4f",
        "444b1ae4d6e2ef50", "3eb0c6f7a0b5ed8c", "3eb0c6f7a0b5ed8d", "41b3de4355555553", "41b3de4355555554",
        "41b3de4355555555", "41b3de4355555556", "41b3de4355555557", "becbf647612f3696", "43143ff3c1cb0959"}) {
      add.accept(Double.longBitsToDouble(Long.parseUnsignedLong(h, 16)));
    }
    for (int e = -1074; e <= 1023; e++) {
      double d = Math.scalb(1.0, e);
      withNeighbours(add, d);
    }
    for (int e = -324; e <= 308; e++) {
      withNeighbours(add, Double.parseDouble("1e" + e));
    }
    withNeighbours(add, Double.MIN_NORMAL);
    withNeighbours(add, Double.MAX_VALUE);

    int fixed = n[0];
    int remaining = count - fixed;
    // Random bit patterns: every exponent equally likely, most need 16 or 17 digits.
    for (int i = 0; i < remaining * 30 / 100; i++) {
      double d;
      do {
        d = Double.longBitsToDouble(r.nextLong());
      } while (!Double.isFinite(d));
      add.accept(d);
    }
    // Subnormals, with significands of every size.
    for (int i = 0; i < remaining * 7 / 100; i++) {
      long significand = r.nextLong(1, 1L << (1 + r.nextInt(52)));
      add.accept(signed(r, Double.longBitsToDouble(significand)));
    }
    // Short decimals ("nice" numbers as people and programs write them), at every scale.
    for (int i = 0; i < remaining * 20 / 100; i++) {
      int digits = 1 + r.nextInt(17);
      StringBuilder s = new StringBuilder().append((char) ('1' + r.nextInt(9)));
      for (int j = 1; j < digits; j++) {
        s.append((char) ('0' + r.nextInt(10)));
      }
      int exp = r.nextInt(4) == 0 ? r.nextInt(-340, 309) : r.nextInt(-30, 31);
      add.accept(signed(r, Double.parseDouble(s + "e" + exp)));
    }
    // Arithmetic on short decimals, such as 0.1 + 0.2: results a few ulps off a short decimal.
    for (int i = 0; i < remaining * 8 / 100; i++) {
      double a = shortDecimal(r);
      double c = shortDecimal(r);
      double d = switch (r.nextInt(4)) {
        case 0 -> a + c;
        case 1 -> a - c;
        case 2 -> a * c;
        default -> a / c;
      };
      add.accept(d);
    }
    // Integers around 2^53, and beyond it up to 2^70.
    for (int i = 0; i < remaining * 10 / 100; i++) {
      double d = switch (r.nextInt(3)) {
        case 0 -> (double) ((1L << 53) + r.nextLong(-100_000, 100_001));
        case 1 -> (double) r.nextLong(1L << 50, Long.MAX_VALUE);
        default -> Math.scalb((double) r.nextLong(1L << 52, 1L << 53), r.nextInt(0, 18));
      };
      add.accept(signed(r, d));
    }
    // Where the notation changes (1e21, 1e-7 and 1e-6): ulp steps and random values around them.
    double[] edges = {1e21, 1e-7, 1e-6, 1e-5, 1e20, 1e22};
    for (int i = 0; i < remaining * 12 / 100; i++) {
      double edge = edges[r.nextInt(edges.length)];
      double d = r.nextBoolean()
          ? steps(edge, r.nextInt(-2000, 2001))
          : edge * Math.pow(10, r.nextDouble(-1, 1));
      add.accept(signed(r, d));
    }
    // Floats widened to doubles: short binary significands.
    for (int i = 0; i < remaining * 5 / 100; i++) {
      float f;
      do {
        f = Float.intBitsToFloat(r.nextInt());
      } while (!Float.isFinite(f));
      add.accept(f);
    }
    // The rest: uniform values at human scales.
    while (n[0] < count) {
      add.accept(signed(r, r.nextDouble() * Math.pow(10, r.nextInt(-8, 16))));
    }
    return out;
  }

  private static void withNeighbours(java.util.function.DoubleConsumer add, double d) {
    add.accept(Math.nextDown(d));
    add.accept(d);
    add.accept(Math.nextUp(d));
  }

  private static double shortDecimal(SplittableRandom r) {
    return Double.parseDouble((1 + r.nextInt(999)) + "e" + r.nextInt(-6, 4));
  }

  private static double signed(SplittableRandom r, double d) {
    return r.nextBoolean() ? -d : d;
  }

  private static double steps(double from, int ulps) {
    double d = from;
    for (int i = 0; i < Math.abs(ulps); i++) {
      d = ulps < 0 ? Math.nextDown(d) : Math.nextUp(d);
    }
    return d;
  }

  /** The executable {@code name} in a directory of the PATH, or null. */
  private static @Nullable Path onPath(String name) throws IOException {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    try (Stream<String> dirs = Stream.of(path.split(java.io.File.pathSeparator))) {
      return dirs.filter(s -> !s.isEmpty()).map(s -> Path.of(s, name))
          .filter(f -> Files.isRegularFile(f) && Files.isExecutable(f)).findFirst().orElse(null);
    }
  }
}
