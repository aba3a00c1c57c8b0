package coop.lattice.federation.inbox;

import coop.lattice.federation.hosting.NodeStore;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The accepted-activity log as lines, the one owner of their format: {@code id  json}
 * (tab-separated). A tab in the id becomes a space; the JSON's line breaks, which can only be
 * white space between tokens, become spaces.
 */
final class AcceptedLines implements AcceptedLog {
  private final NodeStore.Log log;

  AcceptedLines(NodeStore.Log log) {
    this.log = log;
  }

  @Override
  public CompletableFuture<Void> append(String id, byte[] json) {
    return log.appendDurably(id.replace('\t', ' ') + "\t"
        + new String(json, StandardCharsets.UTF_8).replace('\n', ' '));
  }

  @Override
  public void replay(BiConsumer<String, byte[]> each) {
    log.replay(line -> {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        each.accept(line.substring(0, tab), line.substring(tab + 1).getBytes(StandardCharsets.UTF_8));
      }
    });
  }
}
