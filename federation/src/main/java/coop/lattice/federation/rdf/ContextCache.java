package coop.lattice.federation.rdf;

import com.apicatalog.jsonld.JsonLdError;
import com.google.common.hash.Hashing;
import coop.lattice.federation.net.Origins;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contexts a node learned, on disk beside its logs: {@code contexts/<sha-256>.jsonld}, one
 * file per distinct document, and {@code contexts/index.tsv}, one line per URL with the hash of
 * the document first fetched from it. Pinned: a URL in the index keeps that document for good
 * (its meaning cannot be changed afterwards under activities already accepted), and a file whose
 * bytes no longer match its hash is not used. Bounded: at most {@link #MAX_URLS} URLs, {@link
 * #MAX_PER_ORIGIN} of one origin, and {@link #MAX_BYTES} bytes a document. Each write is durable before the context is used. Thread-safe.
 */
public final class ContextCache {
  private static final Logger LOG = LoggerFactory.getLogger(ContextCache.class);
  /** The most URLs learned; then no more are fetched (an operator can bundle or clear them). */
  public static final int MAX_URLS = 1_000;
  /** The most URLs learned from one origin: one sender cannot fill the table for everyone. */
  public static final int MAX_PER_ORIGIN = 20;
  /** The largest context document taken, in bytes. */
  public static final int MAX_BYTES = 64 * 1024;

  private final Path dir;
  private final Map<String, String> index = new LinkedHashMap<>();

  /** The cache in {@code nodeDir/contexts}, read into {@code contexts}. */
  public ContextCache(Path nodeDir, Contexts contexts) {
    this.dir = nodeDir.resolve("contexts");
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("index.tsv");
      List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
      for (String line : lines) {
        String[] parts = line.split("\t");
        if (parts.length != 2) {
          continue; // a line torn by a crash: its document was never used
        }
        Path doc = dir.resolve(parts[1] + ".jsonld");
        byte[] bytes = Files.exists(doc) ? Files.readAllBytes(doc) : new byte[0];
        if (!sha256(bytes).equals(parts[1])) {
          LOG.warn("the learned context {} does not match its pinned hash {}; it is not used", parts[0], parts[1]);
          continue;
        }
        try {
          contexts.learn(parts[0], Contexts.parse(parts[0], bytes));
          index.put(parts[0], parts[1]);
        } catch (JsonLdError e) {
          LOG.warn("the learned context {} no longer reads as JSON-LD; it is not used: {}", parts[0], e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the learned contexts in " + dir, e);
    }
  }

  static String sha256(byte[] bytes) {
    return Hashing.sha256().hashBytes(bytes).toString();
  }

  /** True when no more URLs can be learned. */
  public synchronized boolean full() {
    return index.size() >= MAX_URLS;
  }

  /** True when no more URLs can be learned from {@code url}'s origin. */
  public synchronized boolean fullFor(String url) {
    String origin = Origins.origin(url);
    long n = index.keySet().stream().filter(u -> java.util.Objects.equals(Origins.origin(u), origin)).count();
    return n >= MAX_PER_ORIGIN;
  }

  /** True when {@code url} was learned (it is then never fetched again). */
  public synchronized boolean has(String url) {
    return index.containsKey(url);
  }

  /**
   * Keeps {@code bytes} as the document of {@code url}, durably, and pins it. Blocking file I/O:
   * call it off the event loop. A URL already pinned keeps its first document.
   */
  public void put(String url, byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException(url + ": a context of " + bytes.length + " bytes; at most " + MAX_BYTES);
    }
    if (url.indexOf('\t') >= 0 || url.indexOf('\n') >= 0 || url.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a context URL with a tab or a line break cannot be kept");
    }
    String hash = sha256(bytes);
    synchronized (this) {
      if (index.containsKey(url)) {
        return;
      }
      if (index.size() >= MAX_URLS) {
        throw new IllegalStateException("already " + MAX_URLS + " learned contexts");
      }
      try {
        Path doc = dir.resolve(hash + ".jsonld");
        if (!Files.exists(doc)) {
          Path tmp = dir.resolve(hash + ".tmp");
          write(tmp, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
          Files.move(tmp, doc, StandardCopyOption.ATOMIC_MOVE);
          force(dir);
        }
        write(dir.resolve("index.tsv"), (url + "\t" + hash + "\n").getBytes(StandardCharsets.UTF_8),
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot keep the context " + url + " in " + dir, e);
      }
      index.put(url, hash);
    }
  }

  private static void write(Path file, byte[] bytes, StandardOpenOption... options) throws IOException {
    try (FileChannel ch = FileChannel.open(file, withWrite(options))) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
  }

  private static java.util.Set<StandardOpenOption> withWrite(StandardOpenOption... options) {
    java.util.Set<StandardOpenOption> out = new java.util.HashSet<>(List.of(options));
    out.add(StandardOpenOption.WRITE);
    return out;
  }

  private static void force(Path directory) throws IOException {
    try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
