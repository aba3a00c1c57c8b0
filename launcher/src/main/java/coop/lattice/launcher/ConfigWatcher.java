package coop.lattice.launcher;

import coop.lattice.launcher.config.ConfigException;
import coop.lattice.launcher.config.ConfigFile;
import coop.lattice.launcher.config.LatticeConfig;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a configuration file and hands each version that reads to a consumer. A version that
 * does not read is logged with its message and changes nothing: the node keeps the last good one.
 * Replace the file atomically (write another, then rename it over) so no half-written file is seen.
 */
final class ConfigWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

  private final Path file;
  private final WatchService watch;
  private final Thread thread;

  ConfigWatcher(Path file, Consumer<LatticeConfig> changed) throws IOException {
    this.file = file.toAbsolutePath();
    this.watch = FileSystems.getDefault().newWatchService();
    this.file.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    this.thread = new Thread(() -> run(changed), "lattice-config-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void run(Consumer<LatticeConfig> changed) {
    try {
      while (true) {
        WatchKey key = watch.take();
        boolean ours = false;
        for (WatchEvent<?> e : key.pollEvents()) {
          ours |= file.getFileName().equals(e.context());
        }
        key.reset();
        if (ours) {
          reload(changed);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: the node is stopping
    }
  }

  private void reload(Consumer<LatticeConfig> changed) {
    try {
      changed.accept(ConfigFile.read(file));
    } catch (ConfigException e) {
      LOG.warn("the changed configuration is not taken: {}", e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    watch.close();
  }
}
