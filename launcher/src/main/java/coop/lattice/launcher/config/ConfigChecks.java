package coop.lattice.launcher.config;

import coop.lattice.CollectiveId;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks a configuration must pass beyond its shape: ranges, URLs, ids, key files. */
final class ConfigChecks {
  private ConfigChecks() {}

  static void check(LatticeConfig config, String text) {
    YamlLines lines = YamlLines.of(text);
    NodeSettings n = config.node();
    if (n.port() < 1 || n.port() > 65535) {
      throw at(config, lines, "node.port", "`port` cannot be " + n.port());
    }
    if (n.eventLoops() != null && n.eventLoops() < 1) {
      throw at(config, lines, "node.event-loops", "`event-loops` cannot be " + n.eventLoops());
    }
    if (!isHttpUrl(n.baseUrl())) {
      throw at(config, lines, "node.base-url", "`base-url` must be an absolute http or https URL, not `" + n.baseUrl() + "`");
    }
    List<String> allow = n.allowOrNone();
    for (String peer : allow) {
      try {
        Peer.parse(peer);
      } catch (IllegalArgumentException e) {
        throw at(config, lines, "node.allow", "`allow` has `" + peer + "`: " + e.getMessage());
      }
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < config.collectives().size(); i++) {
      CollectiveSettings c = config.collectives().get(i);
      try {
        CollectiveId.of(c.id());
      } catch (IllegalArgumentException e) {
        throw at(config, lines, "collectives[" + i + "].id", "`id` cannot be `" + c.id() + "` (" + e.getMessage() + ")");
      }
      if (!ids.add(c.id())) {
        throw at(config, lines, "collectives[" + i + "].id", "the collective `" + c.id() + "` is listed twice");
      }
      for (URI f : c.followOrNone()) {
        if (!isHttpUrl(f)) {
          throw at(config, lines, "collectives[" + i + "].follow",
              "`follow` of `" + c.id() + "` has `" + f + "`, not an absolute http or https URL");
        }
      }
      try {
        KeyFiles.check(c.keyFile());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(config.file() + ", line " + lines.line("collectives[" + i + "].key-file")
            + ": the key file of `" + c.id() + "` cannot be used: " + e.getMessage());
      }
      try {
        if (c.secretFile() != null) {
          KeyFiles.check(c.secretFile());
        }
      } catch (IllegalArgumentException e) {
        throw new ConfigException(config.file() + ", line " + lines.line("collectives[" + i + "].secret-file")
            + ": the secret file of `" + c.id() + "` cannot be used: " + e.getMessage());
      }
    }
  }

  private static boolean isHttpUrl(URI u) {
    return u.isAbsolute() && ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
  }

  private static ConfigException at(LatticeConfig config, YamlLines lines, String path, String what) {
    String key = path.substring(path.lastIndexOf('.') + 1);
    return new ConfigException(config.file() + ", line " + lines.line(path) + ": " + what + "; write "
        + ConfigFile.HINTS.get(key) + ".");
  }
}
