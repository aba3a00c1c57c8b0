package coop.lattice.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figure RESULTS.md quotes: the median of each benchmark's measured iterations, read from
 * JMH's JSON result file (JMH itself prints the mean and an error, which a noisy shared machine
 * makes wide).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SignatureBenchmark -rf json -rff /tmp/sig.json
 * java -cp benchmarks/target/benchmarks.jar coop.lattice.benchmarks.Medians /tmp/sig.json
 * </pre>
 */
public final class Medians {
  private Medians() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: Medians RESULT.json... (JMH's -rf json output)");
      System.exit(2);
    }
    for (String file : args) {
      for (JsonNode run : new ObjectMapper().readTree(Path.of(file).toFile())) {
        List<Double> iterations = new ArrayList<>();
        for (JsonNode fork : run.path("primaryMetric").path("rawData")) {
          for (JsonNode v : fork) {
            iterations.add(v.asDouble());
          }
        }
        iterations.sort(null);
        StringBuilder each = new StringBuilder();
        for (JsonNode fork : run.path("primaryMetric").path("rawData")) {
          for (JsonNode v : fork) {
            each.append(each.length() == 0 ? "" : " / ").append(format(v.asDouble()));
          }
        }
        System.out.printf(Locale.ROOT, "%-70s threads %d  median %s %s  (%s)%n", run.path("benchmark").asText(),
            run.path("threads").asInt(), format(median(iterations)), run.path("primaryMetric").path("scoreUnit").asText(),
            each);
      }
    }
  }

  static double median(List<Double> sorted) {
    int n = sorted.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String format(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3f", v);
  }
}
