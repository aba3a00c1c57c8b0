package coop.lattice.federation.node;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The previous build of Lattice (commit {@code 251bba6}), kept as test data in {@code
 * src/test/resources/previous-build/} (its README says how it was built and why): the JVM options
 * that start its {@code TradingNode} in a child process. The classpath is its five Lattice jars
 * followed by this test run's third-party jars (the dependencies did not change since), never this
 * build's own Lattice classes or jars, so the child runs only the old Lattice code.
 */
final class PreviousBuild {
  /** The commit the jars were built from. */
  static final String COMMIT = "251bba6";

  private static final List<String> JARS = List.of("commons-core.jar", "commons-testkit.jar", "wall.jar",
      "federation.jar", "federation-trading-node.jar");

  private PreviousBuild() {}

  /** The options for {@link TradingProcess#start(List, Path, String, int, List)}: logging as in these tests, and the classpath. */
  static List<String> jvmOptions() {
    return List.of("-Dlogback.configurationFile=" + resource("logback-test.xml"), "-cp", classpath());
  }

  /** The previous build's Lattice jars, then the third-party entries of this JVM's classpath. */
  static String classpath() {
    List<String> entries = new ArrayList<>();
    for (String jar : JARS) {
      entries.add(resource("previous-build/" + jar).toString());
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty() && !thisBuild(Path.of(entry))) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /**
   * Whether a classpath entry is this build's Lattice code: a folder of classes (third-party code
   * comes as jars), a jar the reactor built (in a {@code target} folder), or a Lattice artifact in
   * a local repository.
   */
  static boolean thisBuild(Path entry) {
    Path parent = entry.getParent();
    return Files.isDirectory(entry) || (parent != null && parent.getFileName().toString().equals("target"))
        || entry.toString().replace(File.separatorChar, '/').contains("/coop/lattice/");
  }

  private static Path resource(String name) {
    URL url = PreviousBuild.class.getResource("/" + name);
    if (url == null) {
      throw new IllegalStateException(name + " is missing from the test classpath: it is kept in"
          + " federation/src/test/resources; run the tests through Maven, which copies it there");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(url + " is no file", e);
    }
  }
}
