package coop.lattice.canonical;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * RFC 8785 canonical bytes for plain JSON values.
 *
 * <p>Accepts the Java shapes of JSON: {@code Map<String, ?>} for objects (any map; members are
 * sorted here), {@code List<?>} for arrays, {@code String}, {@code Boolean}, {@code null}, and
 * integral numbers ({@code Integer}, {@code Long}, {@code BigInteger}) within the IEEE 754 safe
 * range. Fractional numbers are refused: Lattice writes quantities as decimal strings so that no
 * node ever rounds them differently.
 *
 * <pre>{@code
 * byte[] b = CanonicalJson.encode(Map.of("b", 1, "a", List.of(true, "x")));
 * // {"a":[true,"x"],"b":1}
 * }</pre>
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  public static byte[] encode(@Nullable Object value) {
    CanonicalWriter w = new CanonicalWriter();
    write(w, value);
    return w.toByteArray();
  }

  private static void write(CanonicalWriter w, @Nullable Object value) {
    if (value == null) {
      w.nullValue();
    } else if (value instanceof String s) {
      w.value(s);
    } else if (value instanceof Boolean b) {
      w.value(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      w.value(((Number) value).longValue());
    } else if (value instanceof BigInteger bi) {
      checkArgument(bi.bitLength() < 63, "integer too large for canonical JSON: %s", bi);
      w.value(bi.longValueExact());
    } else if (value instanceof Map<?, ?> map) {
      TreeMap<String, @Nullable Object> sorted = new TreeMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        checkArgument(e.getKey() instanceof String, "object member names must be strings: %s", e.getKey());
        sorted.put((String) e.getKey(), e.getValue());
      }
      w.beginObject();
      for (Map.Entry<String, @Nullable Object> e : sorted.entrySet()) {
        w.name(e.getKey());
        write(w, e.getValue());
      }
      w.endObject();
    } else if (value instanceof List<?> list) {
      w.beginArray();
      for (Object o : list) {
        write(w, o);
      }
      w.endArray();
    } else {
      throw new IllegalArgumentException(
          "no canonical JSON form for " + value.getClass().getName() + ": " + value);
    }
  }
}
