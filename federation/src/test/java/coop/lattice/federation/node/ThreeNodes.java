package coop.lattice.federation.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Three {@link TradingNode}s in processes of their own, each partner of the other two: a food
 * co-op, a repair café and a childcare co-op, up and following each other. A killed one can be
 * started again on its directory and port. Closed by their PIDs.
 */
final class ThreeNodes implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(60);
  static final List<String> NAMES = List.of("food", "fixit", "care");

  private final Path dir;
  private final Function<String, List<String>> jvm;
  private final int[] ports = new int[3];
  private final List<TradingProcess> nodes = new ArrayList<>();

  private ThreeNodes(Path dir, Function<String, List<String>> jvm) {
    this.dir = dir;
    this.jvm = jvm;
  }

  /** Starts the three in {@code dir}, waits until each is up, then has each follow its two partners. */
  static ThreeNodes start(Path dir) throws Exception {
    return start(dir, name -> TradingProcess.thisBuild());
  }

  /**
   * Starts the three as {@link #start(Path)} does, each in a JVM given the options {@code jvm}
   * says for its name (its classpath among them: another build's node, such as the {@link
   * PreviousBuild previous one}).
   */
  static ThreeNodes start(Path dir, Function<String, List<String>> jvm) throws Exception {
    ThreeNodes t = new ThreeNodes(dir, jvm);
    try {
      for (int i = 0; i < 3; i++) {
        t.ports[i] = FedifyPeer.freePort();
      }
      for (int i = 0; i < 3; i++) {
        t.nodes.add(TradingProcess.start(jvm.apply(NAMES.get(i)), dir, NAMES.get(i), t.ports[i], t.partners(i)));
      }
      for (TradingProcess p : t.nodes) {
        p.await(l -> l.startsWith("ready"), WAIT);
      }
      for (TradingProcess p : t.nodes) {
        p.ask("follow", "followed", WAIT);
      }
      return t;
    } catch (Exception | AssertionError e) {
      t.close();
      throw e;
    }
  }

  /** {@code partner=port} for the two partners of node {@code i}. */
  private List<String> partners(int i) {
    List<String> out = new ArrayList<>();
    for (int j = 0; j < 3; j++) {
      if (j != i) {
        out.add(NAMES.get(j) + "=" + ports[j]);
      }
    }
    return out;
  }

  TradingProcess food() {
    return nodes.get(0);
  }

  TradingProcess fixit() {
    return nodes.get(1);
  }

  TradingProcess care() {
    return nodes.get(2);
  }

  /** The node of {@code name}. */
  TradingProcess get(String name) {
    return nodes.get(NAMES.indexOf(name));
  }

  List<TradingProcess> all() {
    return List.copyOf(nodes);
  }

  /**
   * Kills {@code name}'s process with {@code kill -9} (by its PID) and starts it again on its
   * directory and port; its first line will say it is ready again.
   */
  TradingProcess killAndRestart(String name) throws Exception {
    int i = NAMES.indexOf(name);
    nodes.get(i).kill();
    TradingProcess again = TradingProcess.start(jvm.apply(name), dir, name, ports[i], partners(i));
    nodes.set(i, again);
    return again;
  }

  /** The node called {@code name}. */
  TradingProcess node(String name) {
    return nodes.get(NAMES.indexOf(name));
  }

  /** The port of the node called {@code name}. */
  int port(String name) {
    return ports[NAMES.indexOf(name)];
  }

  /** Asks each to quit, and waits until each said goodbye. */
  void quit() throws Exception {
    for (TradingProcess p : nodes) {
      p.ask("quit", "bye", WAIT);
    }
  }

  @Override
  public void close() {
    nodes.forEach(TradingProcess::close);
  }
}
