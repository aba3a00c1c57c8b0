package coop.lattice.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import coop.lattice.MemberId;
import coop.lattice.canonical.CanonicalJson;
import coop.lattice.canonical.CanonicalWriter;
import coop.lattice.merkle.Hash;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps entries to canonical JSON and back, by the shape of their records.
 *
 * <p>A record becomes an object whose members are its components in canonical order; an {@link
 * Event} also gets a {@code "type"} member with its simple name. Identifiers wrapping one string
 * ({@link MemberId}) become that string; decimals, instants and hashes become strings; enums their
 * lowercase names; a null component is left out. Decoding is strict (unknown or duplicate members
 * and wrong types are errors), and {@link #decodeCanonical} also insists that the bytes are exactly
 * what {@link #encode} would write, so one entry can never have two hashes.
 */
final class EntryCodec {
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(16).maxStringLength(1 << 16).maxNumberLength(20).maxDocumentLength(1 << 24).build())
      .build();

  private static final ThreadLocal<CanonicalWriter> WRITER = ThreadLocal.withInitial(() -> new CanonicalWriter(512));
  /** Where instants, dates and hashes are spelt out before they are written, without a string each. */
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[64]);

  private EntryCodec() {}

  static byte[] encode(Object record) {
    CanonicalWriter w = WRITER.get().reset();
    writeRecord(w, record);
    return w.toByteArray();
  }

  /**
   * Decodes {@code bytes}, which must be the canonical encoding of an entry: what it decodes to
   * must encode to exactly these bytes.
   *
   * <p>Canonical bytes are read first by {@link CanonicalReader}, straight into the records; if
   * that fails for any reason (or what it read does not encode to the same bytes), the general
   * path below decodes them again, so errors are always the general path's.
   */
  static Entry decodeCanonical(byte[] bytes) {
    return decodeCanonical(bytes, 0, bytes.length);
  }

  /** As {@link #decodeCanonical(byte[])}, for the entry in bytes {@code start..end} of {@code in}. */
  static Entry decodeCanonical(byte[] in, int start, int end) {
    try {
      Entry fast = CanonicalReader.entry(in, start, end);
      if (encodesTo(fast, in, start, end)) {
        return fast;
      }
    } catch (RuntimeException notOnTheFastPath) {
      // decoded again below, which says what is wrong with them
    }
    byte[] bytes = start == 0 && end == in.length ? in : Arrays.copyOfRange(in, start, end);
    Entry e = decode(bytes, Entry.class);
    if (!encodesTo(e, bytes, 0, bytes.length)) {
      throw new IllegalArgumentException("the bytes are a valid entry but not in canonical form");
    }
    return e;
  }

  /** Whether {@code record}'s canonical encoding is exactly bytes {@code start..end} of {@code in}, without copying. */
  private static boolean encodesTo(Object record, byte[] in, int start, int end) {
    CanonicalWriter w = WRITER.get().reset();
    writeRecord(w, record);
    return w.matches(in, start, end - start);
  }

  static <T> T decode(byte[] bytes, Class<T> type) {
    try (JsonParser p = JSON.createParser(bytes)) {
      Object tree = read(p, p.nextToken());
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("trailing content after the JSON value");
      }
      return type.cast(fromJson(tree, type));
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------------------------ encode

  private static void writeRecord(CanonicalWriter w, Object record) {
    RecordShape shape = RecordShape.of(record.getClass());
    w.beginObject();
    for (RecordShape.Member m : shape.members) {
      if (m.component == null) {
        w.name("type").value(shape.simpleName);
        continue;
      }
      Object v = m.get(record);
      if (v != null) {
        w.name(m.name);
        writeValue(w, v);
      }
    }
    w.endObject();
  }

  private static void writeValue(CanonicalWriter w, Object v) {
    if (v instanceof String s) {
      w.value(s);
    } else if (v instanceof Long l) {
      w.value(l);
    } else if (v instanceof Integer i) {
      w.value(i);
    } else if (v instanceof Boolean b) {
      w.value(b);
    } else if (v instanceof BigDecimal d) {
      w.value(d.toPlainString());
    } else if (v instanceof Instant t) {
      byte[] b = SCRATCH.get();
      int n = IsoText.instant(t, b);
      if (n < 0) {
        w.value(t.toString());
      } else {
        w.asciiValue(b, 0, n);
      }
    } else if (v instanceof LocalDate d) {
      byte[] b = SCRATCH.get();
      int n = IsoText.date(d, b);
      if (n < 0) {
        w.value(d.toString());
      } else {
        w.asciiValue(b, 0, n);
      }
    } else if (v instanceof List<?> list) {
      w.beginArray();
      for (Object o : list) {
        writeValue(w, o);
      }
      w.endArray();
    } else if (v instanceof Hash h) {
      byte[] b = SCRATCH.get();
      w.asciiValue(b, 0, h.base64Url(b, 0));
    } else if (v instanceof Enum<?> e) {
      w.value(RecordShape.lowerName(e));
    } else if (v instanceof NewerEvent n) {
      w.rawValue(n.bytes());
    } else if (v instanceof Record r) {
      RecordShape shape = RecordShape.of(r.getClass());
      if (shape.stringWrapper) {
        w.value((String) shape.members[0].get(r));
      } else {
        writeRecord(w, r);
      }
    } else {
      throw new IllegalArgumentException("no ledger encoding for " + v.getClass().getName());
    }
  }

  // ------------------------------------------------------------------------------------ decode

  private static @Nullable Object read(JsonParser p, @Nullable JsonToken t) throws IOException {
    if (t == null) {
      throw new IllegalArgumentException("empty document");
    }
    switch (t) {
      case START_OBJECT: {
        Map<String, @Nullable Object> m = new HashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          m.put(name, read(p, p.nextToken()));
        }
        return m;
      }
      case START_ARRAY: {
        List<@Nullable Object> l = new ArrayList<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
          l.add(read(p, k));
        }
        return l;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalArgumentException("unexpected JSON token " + t + " (fractional numbers are not allowed)");
    }
  }

  private static Object fromJson(@Nullable Object json, Type generic) {
    Class<?> type = generic instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) generic;
    if (json == null) {
      throw new IllegalArgumentException("null where " + type.getSimpleName() + " is expected");
    }
    if (type == String.class) {
      return expect(json, String.class, type);
    } else if (type == long.class || type == Long.class) {
      return expect(json, Long.class, type);
    } else if (type == int.class || type == Integer.class) {
      return Math.toIntExact(expect(json, Long.class, type));
    } else if (type == boolean.class || type == Boolean.class) {
      return expect(json, Boolean.class, type);
    } else if (type == BigDecimal.class) {
      return new BigDecimal(expect(json, String.class, type));
    } else if (type == Instant.class) {
      return Instant.parse(expect(json, String.class, type));
    } else if (type == LocalDate.class) {
      return LocalDate.parse(expect(json, String.class, type));
    } else if (type == List.class) {
      Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
      List<?> items = expect(json, List.class, type);
      List<Object> out = new ArrayList<>(items.size());
      for (Object item : items) {
        out.add(fromJson(item, element));
      }
      return List.copyOf(out);
    } else if (type == Hash.class) {
      return Hash.fromBase64(expect(json, String.class, type));
    } else if (type.isEnum()) {
      String name = expect(json, String.class, type).toUpperCase(Locale.ROOT);
      for (Object c : type.getEnumConstants()) {
        if (((Enum<?>) c).name().equals(name)) {
          return c;
        }
      }
      throw new IllegalArgumentException("unknown " + type.getSimpleName() + " \"" + json + "\"");
    } else if (type == Event.class) {
      if (json instanceof NewerEvent n) {
        return n; // an entry in a newer format: see newer()
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) expect(json, Map.class, type);
      Object name = m.get("type");
      Class<?> c = name instanceof String s ? RecordShape.eventType(s) : null;
      if (c == null) {
        throw new IllegalArgumentException("unknown event type " + name);
      }
      return construct(RecordShape.of(c), m);
    } else if (type.isRecord()) {
      RecordShape shape = RecordShape.of(type);
      if (shape.stringWrapper) {
        return shape.construct(new Object[] {expect(json, String.class, type)});
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) expect(json, Map.class, type);
      return construct(shape, type == Entry.class ? newer(m) : m);
    }
    throw new IllegalArgumentException("no ledger decoding for " + type.getName());
  }

  /**
   * An entry in a format newer than this version's keeps its event as a {@link NewerEvent}: its
   * canonical JSON, unread. Entries in a format this version knows are read as they are.
   */
  private static Map<String, Object> newer(Map<String, Object> entry) {
    if (!(entry.get("format") instanceof Long f) || f <= EntryFormat.CURRENT
        || !(entry.get("event") instanceof Map<?, ?> event) || !(event.get("type") instanceof String type)) {
      return entry;
    }
    Map<String, Object> out = new HashMap<>(entry);
    out.put("event", new NewerEvent(type, Math.toIntExact(f),
        new String(CanonicalJson.encode(event), StandardCharsets.UTF_8)));
    return out;
  }

  private static Object construct(RecordShape shape, Map<String, Object> m) {
    Object[] args = new Object[shape.components.length];
    int seen = 0;
    for (RecordShape.Member mem : shape.members) {
      if (mem.component == null) {
        seen++; // "type", already used to pick the shape
        continue;
      }
      Object v = m.get(mem.name);
      if (v == null) {
        if (!mem.nullable) {
          throw new IllegalArgumentException(shape.type.getSimpleName() + " is missing \"" + mem.name + "\"");
        }
      } else {
        args[mem.position] = fromJson(v, mem.component.getGenericType());
        seen++;
      }
    }
    if (seen != m.size()) {
      throw new IllegalArgumentException(shape.type.getSimpleName() + " has unknown members: " + m.keySet());
    }
    return shape.construct(args);
  }

  private static <T> T expect(Object json, Class<T> jsonType, Class<?> target) {
    if (!jsonType.isInstance(json)) {
      throw new IllegalArgumentException("expected " + target.getSimpleName() + " but found " + json);
    }
    return jsonType.cast(json);
  }
}
