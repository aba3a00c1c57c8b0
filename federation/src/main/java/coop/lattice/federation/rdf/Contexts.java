package coop.lattice.federation.rdf;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The JSON-LD contexts a node reads documents with: those bundled with Lattice (by URL, from
 * {@code jsonld/contexts.tsv}) and those it has learned (fetched once, off the inbox path, and kept
 * on disk pinned by hash: {@link ContextCache}, {@link ContextFetcher}). Loading never touches the
 * network: a context that is neither bundled nor learned is an error for the reader, and a
 * document that names one is read as plain ActivityStreams JSON, with no graph, until it is
 * learned. Thread-safe.
 */
public final class Contexts {
  /** Bundled context documents by URL: the index {@code jsonld/contexts.tsv}, URL then file. */
  public static final Map<String, String> BUNDLED = index();

  private static final Map<String, Document> BUNDLED_DOCUMENTS = load();
  private static final Contexts BUNDLED_ONLY = new Contexts();

  private final Map<String, Document> learned = new ConcurrentHashMap<>();

  /** Bundled contexts, and room for learned ones. */
  public Contexts() {}

  /** The bundled contexts alone: what a reader with no node behind it knows. */
  public static Contexts bundledOnly() {
    return BUNDLED_ONLY;
  }

  private static Map<String, String> index() {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = Contexts.class.getResourceAsStream("/coop/lattice/federation/jsonld/contexts.tsv")) {
      if (in == null) {
        throw new IllegalStateException("the index of bundled contexts (jsonld/contexts.tsv) is missing");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.strip().split("\t");
        if (parts.length != 2) {
          throw new IllegalStateException("jsonld/contexts.tsv: not \"URL<TAB>file\": " + line);
        }
        out.put(parts[0], parts[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, Document> load() {
    Map<String, Document> out = new LinkedHashMap<>();
    BUNDLED.forEach((url, file) -> {
      try (InputStream in = Contexts.class.getResourceAsStream("/coop/lattice/federation/jsonld/" + file)) {
        if (in == null) {
          throw new IllegalStateException("the bundled context " + file + " is missing");
        }
        out.put(url, document(url, in));
      } catch (IOException | JsonLdError e) {
        throw new IllegalStateException("cannot read the bundled context " + file + ": " + e.getMessage(), e);
      }
    });
    return Collections.unmodifiableMap(out);
  }

  private static Document document(String url, InputStream in) throws JsonLdError {
    JsonDocument d = JsonDocument.of(in);
    d.setDocumentUrl(URI.create(url));
    return d;
  }

  private static String key(String url) {
    return url.endsWith("#") ? url.substring(0, url.length() - 1) : url;
  }

  /** True when {@code url} is bundled or learned. */
  public boolean known(String url) {
    String k = key(url);
    return BUNDLED_DOCUMENTS.containsKey(k) || learned.containsKey(k);
  }

  /** True when {@code url} is bundled with Lattice. */
  public static boolean bundled(String url) {
    return BUNDLED_DOCUMENTS.containsKey(key(url));
  }

  /** {@code json} as the JSON-LD document at {@code url}; throws if it is not one. */
  static Document parse(String url, byte[] json) throws JsonLdError {
    return document(url, new ByteArrayInputStream(json));
  }

  /** Learns {@code document} as the context at {@code url}. */
  void learn(String url, Document document) {
    learned.put(key(url), document);
  }

  private @Nullable Document document(String url) {
    String k = key(url);
    Document d = BUNDLED_DOCUMENTS.get(k);
    return d != null ? d : learned.get(k);
  }

  /** The loader for Jena's reader: known contexts, and an error for anything else, never a fetch. */
  DocumentLoader loader() {
    return (url, options) -> {
      Document d = document(url.toString());
      if (d == null) {
        throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "the context " + url
            + " is neither bundled with Lattice nor learned, and contexts are never fetched while reading");
      }
      return d;
    };
  }

  /** The context URLs {@code doc} names, at any depth, that are neither bundled nor learned. */
  public Set<String> unknown(JsonNode doc) {
    Set<String> out = new LinkedHashSet<>();
    collect(doc, out);
    return out;
  }

  private void collect(JsonNode n, Set<String> out) {
    if (n.isObject()) {
      JsonNode c = n.get("@context");
      if (c != null) {
        contexts(c, out);
      }
      n.properties().forEach(e -> {
        if (!e.getKey().equals("@context") && e.getValue().isContainerNode()) {
          collect(e.getValue(), out);
        }
      });
    } else if (n.isArray()) {
      n.forEach(x -> collect(x, out));
    }
  }

  private void contexts(JsonNode c, Set<String> out) {
    if (c.isTextual()) {
      if (!known(c.asText())) {
        out.add(c.asText());
      }
    } else if (c.isArray()) {
      c.forEach(x -> contexts(x, out));
    } else if (c.isObject()) {
      // Term definitions may carry scoped contexts that name URLs too.
      c.properties().forEach(e -> {
        if (e.getValue().isObject() && e.getValue().has("@context")) {
          contexts(e.getValue().get("@context"), out);
        }
        if (e.getKey().equals("@import") && e.getValue().isTextual() && !known(e.getValue().asText())) {
          out.add(e.getValue().asText());
        }
      });
    }
  }
}
