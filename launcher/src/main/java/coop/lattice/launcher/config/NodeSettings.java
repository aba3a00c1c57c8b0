package coop.lattice.launcher.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code node:} section of a configuration file.
 *
 * @param baseUrl the URL other servers reach this node at, such as {@code https://food.example}
 * @param listen the address to listen on (127.0.0.1 unless given)
 * @param port the port to listen on
 * @param directory where the node keeps its own state (follows, deliveries, accepted activities)
 * @param allow peers on non-public addresses this node may reach, as {@code host:port} (for a
 *     network of nodes on one machine or a private network); public addresses are always allowed
 * @param eventLoops how many event loops serve requests (1 unless given; one per core is usual)
 */
public record NodeSettings(
    @JsonProperty(required = true) URI baseUrl,
    @Nullable String listen,
    @JsonProperty(required = true) Integer port,
    @JsonProperty(required = true) Path directory,
    @Nullable List<String> allow,
    @Nullable Integer eventLoops) {

  public String listenOrDefault() {
    return listen == null ? "127.0.0.1" : listen;
  }

  public List<String> allowOrNone() {
    return allow == null ? List.of() : allow;
  }

  public int eventLoopsOrDefault() {
    return eventLoops == null ? 1 : eventLoops;
  }
}
