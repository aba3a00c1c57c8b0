package coop.lattice.federation.social;

import coop.lattice.federation.hosting.NodeLog;
import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.federation.net.Origins;
import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Actors and domains this node will not hear from, each with why: set by the operator, or by an
 * application for a collective whose agreement says so. A blocked domain covers its subdomains.
 * The inbox refuses an activity from a blocked actor or domain, or carrying one inside it (an
 * {@code Announce} of a blocked actor's activity), with 403. Kept in the line log {@code blocks}
 * ({@code +  key  why} and {@code -  key}, tab-separated, key {@code actor:URL} or {@code
 * domain:HOST}), compacted to the blocks in force. Durable when a method returns. Thread-safe.
 */
public final class Blocks {
  private static final Logger LOG = LoggerFactory.getLogger(Blocks.class);

  private final NodeLog log;
  private final Map<String, String> blocks = new ConcurrentHashMap<>();

  public Blocks(NodeStore store) {
    this.log = store.log("blocks", Blocks::live);
    log.replay(line -> apply(line, blocks));
  }

  private static void apply(String line, Map<String, String> into) {
    String[] f = line.split("\t", 3);
    if (f.length >= 2 && f[0].equals("+")) {
      into.put(f[1], f.length > 2 ? f[2] : "");
    } else if (f.length >= 2 && f[0].equals("-")) {
      into.remove(f[1]);
    }
  }

  /** The blocks in force, one line each. */
  static List<String> live(List<String> lines) {
    Map<String, String> now = new LinkedHashMap<>();
    lines.forEach(l -> apply(l, now));
    List<String> out = new ArrayList<>();
    now.forEach((k, why) -> out.add("+\t" + k + "\t" + why));
    return out;
  }

  /** Blocks the actor at {@code actor} (its URL), saying why. */
  public void blockActor(String actor, String why) {
    put("actor:" + normalized(clean(actor)), why);
  }

  /** {@code url} with its origin as {@link Origins} writes it (so that two spellings of one actor match). */
  private static String normalized(String url) {
    String origin = Origins.origin(url);
    int start = url.indexOf("://");
    if (origin == null || start < 0) {
      return url;
    }
    int end = start + 3;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    return origin + url.substring(end);
  }

  /** Blocks every actor on {@code domain} and its subdomains, saying why. */
  public void blockDomain(String domain, String why) {
    put("domain:" + host(domain), why);
  }

  /** Lifts the block on an actor (a URL) or a domain; nothing if there was none. */
  public void unblock(String actorOrDomain) {
    String key = actorOrDomain.contains("://") ? "actor:" + normalized(clean(actorOrDomain))
        : "domain:" + host(actorOrDomain);
    if (blocks.remove(key) != null) {
      log.append("-\t" + key);
      LOG.info("Unblocked {}", key);
    }
  }

  /** Every block in force: {@code actor:URL} or {@code domain:HOST}, with why. */
  public Map<String, String> all() {
    return Map.copyOf(blocks);
  }

  /** Why {@code actor} is blocked (itself, or its domain or a parent of it), if it is. */
  public Optional<String> why(String actor) {
    if (blocks.isEmpty()) {
      return Optional.empty();
    }
    String direct = blocks.get("actor:" + actor);
    if (direct == null) {
      direct = blocks.get("actor:" + normalized(actor));
    }
    if (direct != null) {
      return Optional.of(direct);
    }
    String host = hostOf(actor);
    while (host != null && !host.isEmpty()) {
      String why = blocks.get("domain:" + host);
      if (why != null) {
        return Optional.of(why);
      }
      int dot = host.indexOf('.');
      host = dot < 0 ? null : host.substring(dot + 1);
    }
    return Optional.empty();
  }

  private void put(String key, String why) {
    String reason = why.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    blocks.put(key, reason);
    log.append("+\t" + key + "\t" + reason);
    LOG.info("Blocked {}: {}", key, reason);
  }

  private static String clean(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) <= 0x20) {
        throw new IllegalArgumentException("an actor URL has no spaces or control characters: " + s);
      }
    }
    return s;
  }

  private static String host(String domain) {
    String d = clean(domain).toLowerCase(Locale.ROOT);
    d = d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    if (d.isEmpty() || d.contains("/") || d.contains(":")) {
      throw new IllegalArgumentException("a domain is a host name such as example.org, not " + domain);
    }
    return IDN.toASCII(d, IDN.ALLOW_UNASSIGNED);
  }

  /** The host as {@link Origins} normalizes it (lower case, no trailing dot, IDNA), or null. */
  private static @Nullable String hostOf(String url) {
    String origin = Origins.origin(url);
    if (origin == null) {
      return null;
    }
    String rest = origin.substring(origin.indexOf("://") + 3);
    return rest.substring(0, rest.lastIndexOf(':'));
  }
}
