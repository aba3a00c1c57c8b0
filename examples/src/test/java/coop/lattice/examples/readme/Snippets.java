package coop.lattice.examples.readme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the README's Java blocks and the snippet regions of this package's sources, and runs a
 * snippet with what it prints captured. The README names each block's snippet in the comment
 * line just above it: {@code <!-- snippet: name -->}.
 */
final class Snippets {
  private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([a-z-]+) -->");
  private static final Pattern START = Pattern.compile("\\s*// snippet:start ([a-z-]+)");
  private static final Pattern END = Pattern.compile("\\s*// snippet:end");

  private Snippets() {}

  /** The repository's README: tests run in the module's directory, one below it. */
  static Path readme() {
    Path readme = Path.of("").toAbsolutePath().getParent().resolve("README.md");
    assertTrue(Files.isRegularFile(readme), "no README at " + readme);
    return readme;
  }

  /** This package's sources. */
  static Path sources() {
    return Path.of("src", "main", "java", "coop", "lattice", "examples", "readme");
  }

  /**
   * Every fenced {@code java} block of {@code markdown}, by the snippet its marker names, in
   * order. A Java block without a marker is an error: every Java block in the README is run.
   */
  static Map<String, List<String>> blocks(Path markdown) {
    List<String> lines = read(markdown);
    Map<String, List<String>> blocks = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals("```java")) {
        continue;
      }
      Matcher m = i > 0 ? MARKER.matcher(lines.get(i - 1).strip()) : MARKER.matcher("");
      if (!m.matches()) {
        throw new AssertionError(markdown + ", line " + (i + 1) + ": a Java block without a <!-- snippet: name --> line"
            + " above it; every Java block in the README is a snippet in " + sources());
      }
      List<String> block = new ArrayList<>();
      int j = i + 1;
      while (!lines.get(j).strip().equals("```")) {
        block.add(lines.get(j++));
      }
      if (blocks.put(m.group(1), block) != null) {
        throw new AssertionError(markdown + ": snippet " + m.group(1) + " is shown twice");
      }
      i = j;
    }
    return blocks;
  }

  /** Every region between {@code // snippet:start name} and {@code // snippet:end} in {@code dir}, de-indented. */
  static Map<String, List<String>> regions(Path dir) {
    Map<String, List<String>> regions = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = read(f);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = START.matcher(lines.get(i));
          if (!m.matches()) {
            continue;
          }
          int j = i + 1;
          while (!END.matcher(lines.get(j)).matches()) {
            j++;
          }
          if (regions.put(m.group(1), dedent(lines.subList(i + 1, j))) != null) {
            throw new AssertionError(dir + ": two regions named " + m.group(1));
          }
          i = j;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return regions;
  }

  private static List<String> dedent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
  }

  private static List<String> read(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What {@code snippet} returned, and the lines it printed. */
  record Run<T>(T result, List<String> printed) {}

  /** Runs {@code snippet} with standard output captured. Not for parallel tests: System.out is global. */
  static synchronized <T> Run<T> run(Callable<T> snippet) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    T result;
    try {
      result = snippet.call();
    } finally {
      System.setOut(original);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    original.print(out); // still shown in the test's output
    return new Run<>(result, out.lines().toList());
  }
}
