package coop.lattice.federation.rdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.jspecify.annotations.Nullable;

/**
 * The terms and prefixes in force for {@link FastPath}'s walk, with the nodes made for them: the
 * bundled ActivityStreams context, alone or followed by Lattice's context and inline objects of
 * plain term definitions. Each context is read once and shared by every document that names it.
 */
record FastContext(Map<String, Term> terms, Map<String, String> prefixes, Map<String, Node> predicates,
    Map<String, Node> types) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FastContext AS_CONTEXT = activityStreams();
  private static final JsonNode LATTICE_TERMS = bundled("lattice.jsonld");
  /**
   * Contexts after ActivityStreams read before, by their JSON: Lattice's activities each carry one
   * of a handful (ActivityStreams and a few inline lattice terms), so each is read once. Bounded in
   * count and in the terms each may bring, so documents that each bring a new context, or a huge
   * one, cost only their own reading. JSON equality ignores the order of an object's members, as
   * JSON-LD does; {@link #read} declines what it could only read in the order written.
   */
  private static final Cache<JsonNode, FastContext> READ = CacheBuilder.newBuilder().maximumSize(64).build();
  /** The most terms of its own a context may bring and be kept: a large one is read each time it comes. */
  private static final int CACHED_TERMS = 64;

  /** A term definition: the IRI, and how its values are read. */
  record Term(String iri, @Nullable String type, @Nullable String container) {}

  /**
   * The most nodes a context keeps for its keys and its types: the terms of the fediverse's
   * documents are a few hundred, and documents that each bring new compact IRIs must not grow a
   * shared context without end (past the bound, nodes are made each time).
   */
  static final int REMEMBERED = 4_096;

  FastContext(Map<String, Term> terms, Map<String, String> prefixes) {
    this(terms, prefixes, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
  }

  /** Keeps {@code node} for {@code key} in {@code nodes} (its predicates or types), while under the bound. */
  void remember(Map<String, Node> nodes, String key, Node node) {
    if (nodes.size() < REMEMBERED) {
      nodes.put(key, node);
    }
  }

  /** The context a document's {@code @context} gives; {@link Decline} if it is outside the subset. */
  static FastContext of(@Nullable JsonNode c) {
    if (c == null) {
      throw new Decline(); // a document that is no object, or names no context
    }
    if (c.isTextual()) {
      if (c.asText().equals(FastPath.AS) || c.asText().equals(FastPath.AS_HTTP)) {
        return AS_CONTEXT;
      }
      throw new Decline();
    }
    FastContext known = READ.getIfPresent(c);
    if (known != null) {
      return known;
    }
    FastContext read = read(c);
    if (read.terms().size() - AS_CONTEXT.terms().size() <= CACHED_TERMS) { // a few terms, as Lattice's: kept
      READ.put(c.deepCopy(), read); // a copy: the document that brought it may be changed later
    }
    return read;
  }

  private static FastContext read(JsonNode c) {
    List<JsonNode> parts = new ArrayList<>();
    (c.isArray() ? c : List.of(c)).forEach(parts::add);
    if (parts.isEmpty() || !parts.get(0).isTextual() || !parts.get(0).asText().equals(FastPath.AS)
        && !parts.get(0).asText().equals(FastPath.AS_HTTP)) {
      throw new Decline();
    }
    Map<String, Term> terms = new HashMap<>(AS_CONTEXT.terms());
    Map<String, String> prefixes = new HashMap<>(AS_CONTEXT.prefixes());
    for (JsonNode p : parts.subList(1, parts.size())) {
      if (p.isTextual() && p.asText().equals(FastPath.LATTICE)) {
        p = LATTICE_TERMS;
      }
      if (!p.isObject()) {
        throw new Decline();
      }
      Set<String> unread = new HashSet<>();
      p.fieldNames().forEachRemaining(unread::add);
      for (Map.Entry<String, JsonNode> e : p.properties()) {
        unread.remove(e.getKey());
        if (e.getKey().startsWith("@") || !e.getValue().isTextual()) {
          throw new Decline();
        }
        String v = e.getValue().asText();
        int colon = v.indexOf(':');
        if (v.startsWith("@") || colon > 0 && unread.contains(v.substring(0, colon))) {
          // a term used as a prefix before its own definition in the object: JSON-LD reads the object
          // in no order, this reader in the order written, so the general reader decides
          throw new Decline();
        }
        String iri = expandIri(v, prefixes, terms);
        Term before = terms.get(e.getKey());
        if (before != null && (before.iri().startsWith("@") || !expandIri(before.iri(), prefixes, terms).equals(iri))) {
          throw new Decline(); // a term of ActivityStreams (id, actor, ...) given another meaning
        }
        if (iri.endsWith("#") || iri.endsWith("/")) {
          prefixes.put(e.getKey(), iri);
        }
        terms.put(e.getKey(), new Term(iri, null, null));
      }
    }
    return new FastContext(terms, prefixes);
  }

  /** An absolute IRI, or a compact one with a known prefix; anything else leaves the subset. */
  static String expandIri(String v, Map<String, String> prefixes, Map<String, Term> terms) {
    int colon = v.indexOf(':');
    if (colon > 0) {
      String prefix = v.substring(0, colon);
      String suffix = v.substring(colon + 1);
      if (!suffix.startsWith("//") && prefixes.containsKey(prefix)) {
        return prefixes.get(prefix) + suffix;
      }
      if (prefix.equals("_")) {
        throw new Decline();
      }
      if (suffix.startsWith("//") || Iris.scheme(v, colon)) {
        return v;
      }
    }
    throw new Decline();
  }

  private static FastContext activityStreams() {
    JsonNode ctx = bundled("activitystreams.jsonld");
    Map<String, String> prefixes = new HashMap<>();
    Map<String, Term> terms = new HashMap<>();
    ctx.properties().forEach(e -> {
      String k = e.getKey();
      JsonNode v = e.getValue();
      if (v.isTextual() && (v.asText().endsWith("#") || v.asText().endsWith("/"))) {
        prefixes.put(k, v.asText());
      }
      if (k.startsWith("@")) {
        return;
      }
      if (v.isTextual()) {
        terms.put(k, new Term(v.asText(), null, null));
      } else {
        terms.put(k, new Term(v.path("@id").asText(), v.has("@type") ? v.get("@type").asText() : null,
            v.has("@container") ? v.get("@container").asText() : null));
      }
    });
    return new FastContext(terms, prefixes);
  }

  /** The {@code @context} of a context document bundled with Lattice. */
  private static JsonNode bundled(String name) {
    try (InputStream in = FastContext.class.getResourceAsStream("/coop/lattice/federation/jsonld/" + name)) {
      return JSON.readTree(in).get("@context");
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled context " + name + " cannot be read", e);
    }
  }
}
