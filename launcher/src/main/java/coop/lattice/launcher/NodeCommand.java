package coop.lattice.launcher;

import coop.lattice.launcher.config.ConfigFile;
import coop.lattice.launcher.config.LatticeConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lattice node}: serve the collectives of a configuration file until stopped. */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = {"Serves the collectives of a configuration file as a federation node, until stopped (SIGTERM"
        + " or Ctrl-C).", "Collectives added to or removed from the file while it runs are hosted or"
        + " unhosted without a restart."})
final class NodeCommand implements Callable<Integer> {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "lattice.yaml",
      description = "The configuration file (default: ${DEFAULT-VALUE}).")
  Path config;

  @Override
  public Integer call() throws Exception {
    LatticeConfig c = ConfigFile.read(config);
    RunningNode running = RunningNode.start(c, Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    ConfigWatcher watcher = new ConfigWatcher(config, running::apply);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        watcher.close();
        running.stop();
      } catch (Exception e) {
        System.err.println("lattice: stopping did not finish cleanly: " + e.getMessage());
      }
      stopped.countDown();
    }, "lattice-shutdown"));
    System.out.println("lattice node listening on " + c.node().listenOrDefault() + ":" + running.port() + ", hosting "
        + running.node().hosted());
    stopped.await();
    return 0;
  }
}
