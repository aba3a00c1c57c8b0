package coop.lattice.launcher.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a configuration file (YAML, keys in kebab-case) into a {@link LatticeConfig}. Anything it
 * cannot use is a {@link ConfigException} naming the file, the line and what to write instead:
 * an unknown key (with the keys known there), a value of the wrong type, a missing required value,
 * a value out of range. Nothing starts from a file that does not read.
 */
public final class ConfigFile {
  /** What to write for each key, as an operator would be told. */
  static final Map<String, String> HINTS = Map.ofEntries(
      Map.entry("node", "a `node:` section with base-url, port and directory"),
      Map.entry("collectives", "a list of collectives, each with id, journal and key-file"),
      Map.entry("base-url", "the URL other servers reach this node at, such as `base-url: https://food.example`"),
      Map.entry("listen", "the address to listen on, such as `listen: 127.0.0.1`"),
      Map.entry("port", "a port number from 1 to 65535, such as `port: 8080`"),
      Map.entry("directory", "a directory for the node's own state, such as `directory: node-state`"),
      Map.entry("allow", "a list of host:port peers, such as `allow: [\"127.0.0.1:8081\"]`"),
      Map.entry("event-loops", "a whole number of event loops from 1, such as `event-loops: 2`"),
      Map.entry("id", "the collective's id: lower-case letters, digits and dashes, such as `id: riverside-food`"),
      Map.entry("name", "the collective's name, such as `name: Riverside Food Co-op`"),
      Map.entry("journal", "the directory of the collective's journal, such as `journal: riverside-ledger`"),
      Map.entry("key-file", "the file of the collective's key seed, such as `key-file: riverside.key`"),
      Map.entry("secret-file", "the file of the collective's secret, such as `secret-file: riverside.secret`"),
      Map.entry("founder", "the founding member's id, such as `founder: ana`"),
      Map.entry("founder-name", "how the founder appears, such as `founder-name: Ana`"),
      Map.entry("follow", "a list of actor URLs, such as `follow: [\"https://repair.example/collectives/fixit\"]`"));

  private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
      .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .build();

  /** The offending value in a Jackson message: {@code Cannot coerce String value ("eighty") to ...}. */
  private static final Pattern QUOTED = Pattern.compile("value \\(\"([^\"]*)\"\\)");

  private ConfigFile() {}

  /** Reads and checks {@code file}; relative paths in it are resolved against its directory. */
  public static LatticeConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read the configuration file " + file + " (" + e + "): give the path of a"
          + " readable YAML file, such as `lattice node --config lattice.yaml`", e);
    }
    LatticeConfig.Raw raw;
    try {
      raw = YAML.readValue(text, LatticeConfig.Raw.class);
    } catch (JsonProcessingException e) {
      throw explain(file, text, e);
    }
    if (raw == null) {
      throw new ConfigException(file + ": the file is empty; write " + HINTS.get("node"));
    }
    Path dir = file.toAbsolutePath().getParent();
    LatticeConfig config = new LatticeConfig(file, resolve(dir, raw.node()),
        raw.collectives() == null ? List.of() : raw.collectives().stream().map(c -> resolve(dir, c)).toList());
    ConfigChecks.check(config, text);
    return config;
  }

  private static NodeSettings resolve(Path dir, NodeSettings n) {
    return new NodeSettings(n.baseUrl(), n.listen(), n.port(), dir.resolve(n.directory()), n.allow(), n.eventLoops());
  }

  private static CollectiveSettings resolve(Path dir, CollectiveSettings c) {
    return new CollectiveSettings(c.id(), c.name(), dir.resolve(c.journal()), dir.resolve(c.keyFile()),
        c.secretFile() == null ? null : dir.resolve(c.secretFile()), c.founder(),
        c.founderName(), c.follow());
  }

  /** Jackson's complaint, in an operator's words. */
  static ConfigException explain(Path file, String text, JsonProcessingException e) {
    if (!(e instanceof JsonMappingException m) || isSyntax(e)) {
      return new ConfigException(file + ", line " + line(e.getLocation()) + ": this is not valid YAML ("
          + e.getOriginalMessage() + "); check the indentation and the `key: value` form around it.", e);
    }
    // The binder may complain only at the end of a section: name the line of the key itself.
    String extra = e instanceof UnrecognizedPropertyException u ? u.getPropertyName() : "";
    int keyLine = YamlLines.of(text).line(YamlLines.pathOf(m, extra));
    String where = file + ", line " + (keyLine > 0 ? keyLine : line(e.getLocation()));
    if (e instanceof UnrecognizedPropertyException u) {
      return new ConfigException(where + ": unknown key `" + u.getPropertyName() + "`" + closest(u.getPropertyName(),
          u.getKnownPropertyIds()) + " The keys known there are: " + known(u.getKnownPropertyIds()) + ".", e);
    }
    String key = lastKey(e);
    String hint = HINTS.getOrDefault(key, "a value of the right kind");
    if (e instanceof InvalidFormatException f) {
      return new ConfigException(where + ": `" + key + "` cannot be `" + f.getValue() + "`; write " + hint + ".", e);
    }
    if (e instanceof MismatchedInputException mi && mi.getOriginalMessage().startsWith("Missing required creator")) {
      return missing(file, text, mi);
    }
    Matcher value = QUOTED.matcher(e.getOriginalMessage());
    String what = value.find() ? "cannot be `" + value.group(1) + "`" : "is not a value of the right kind";
    return new ConfigException(where + ": `" + key + "` " + what + "; write " + hint + ".", e);
  }

  /**
   * A required key is missing. Often it is there but misspelt, which the binder reports second:
   * then the misspelt key is the one to name.
   */
  private static ConfigException missing(Path file, String text, MismatchedInputException e) {
    String missing = e.getOriginalMessage().replaceAll(".*'([^']*)'.*", "$1");
    String path = YamlLines.pathOf(e, "");
    String parent = path.equals(missing) ? "" : path.endsWith("." + missing)
        ? path.substring(0, path.length() - missing.length() - 1) : path;
    YamlLines lines = YamlLines.of(text);
    for (Map.Entry<String, Integer> k : lines.keysUnder(parent).entrySet()) {
      if (!HINTS.containsKey(k.getKey()) && distance(k.getKey(), missing) <= 2) {
        return new ConfigException(file + ", line " + k.getValue() + ": unknown key `" + k.getKey() + "`. Did you mean `"
            + missing + "`? Write " + HINTS.getOrDefault(missing, "it") + ".", e);
      }
    }
    int line = lines.line(parent);
    String within = parent.isEmpty() ? "the file" : "`" + parent.replaceAll("\\[\\d+\\]$", "") + "`";
    return new ConfigException(file + ", line " + (line > 0 ? line : line(e.getLocation())) + ": " + within
        + " needs `" + missing + "`; write " + HINTS.getOrDefault(missing, "a value for it") + ".", e);
  }

  /** A fault of the YAML itself, which the binder may pass on wrapped. */
  private static boolean isSyntax(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof JsonParseException || c.getClass().getName().startsWith("org.yaml.snakeyaml")) {
        return true;
      }
    }
    return false;
  }

  private static long line(JsonLocation l) {
    return l == null ? 0 : l.getLineNr();
  }

  /** The innermost key of the path to the problem ("" at the top). */
  private static String lastKey(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException m) || isSyntax(e)) {
      return "";
    }
    List<JsonMappingException.Reference> path = m.getPath();
    for (int i = path.size() - 1; i >= 0; i--) {
      String name = path.get(i).getFieldName();
      if (name != null) {
        return name;
      }
    }
    return "";
  }

  private static String known(Collection<Object> ids) {
    return ids.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
  }

  /** " Did you mean `x`?" for a near miss, else "". */
  private static String closest(String given, Collection<Object> known) {
    return known.stream().map(Object::toString)
        .min(Comparator.comparingInt(k -> distance(given, k)))
        .filter(k -> distance(given, k) <= Math.max(2, given.length() / 3))
        .map(k -> ". Did you mean `" + k + "`?").orElse(".");
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
