package coop.lattice.federation.node;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The log lines of {@code coop.lattice} while a test runs (INFO and up, as logback-test.xml lets
 * through), and a way to wait for one without sleeping: {@link #await} blocks until a matching
 * line is appended or the time is up.
 */
final class LogLines extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final Logger logger = (Logger) LoggerFactory.getLogger("coop.lattice");
  private final List<ILoggingEvent> lines = new ArrayList<>();

  private LogLines() {}

  static LogLines capture() {
    LogLines l = new LogLines();
    l.setContext(l.logger.getLoggerContext());
    l.start();
    l.logger.addAppender(l);
    return l;
  }

  @Override
  protected synchronized void append(ILoggingEvent e) {
    lines.add(e);
    notifyAll();
  }

  /** The first line at {@code level} whose message contains {@code text}, waiting up to {@code wait} for it. */
  synchronized ILoggingEvent await(Level level, String text, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Optional<ILoggingEvent> found = find(level, text);
      if (found.isPresent()) {
        return found.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no " + level + " line containing \"" + text + "\" in " + messages());
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  synchronized Optional<ILoggingEvent> find(Level level, String text) {
    return lines.stream().filter(e -> e.getLevel() == level && e.getFormattedMessage().contains(text)).findFirst();
  }

  synchronized List<String> messages() {
    return lines.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(this);
    stop();
  }
}
