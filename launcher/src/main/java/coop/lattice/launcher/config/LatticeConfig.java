package coop.lattice.launcher.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A node's configuration file, as read: the node and the collectives it hosts. Relative paths in
 * it are resolved against the file's own directory.
 *
 * <pre>{@code
 * node:
 *   base-url: http://127.0.0.1:8080
 *   port: 8080
 *   directory: node-state
 * collectives:
 *   - id: riverside-food
 *     name: Riverside Food Co-op
 *     journal: riverside-ledger
 *     key-file: riverside.key
 *     founder: ana
 * }</pre>
 *
 * @param file where it was read from
 * @param node the node's own settings
 * @param collectives the collectives it hosts
 */
public record LatticeConfig(Path file, NodeSettings node, List<CollectiveSettings> collectives) {
  /** As bound from YAML, before paths are resolved. */
  record Raw(@JsonProperty(required = true) NodeSettings node, @Nullable List<CollectiveSettings> collectives) {}
}
