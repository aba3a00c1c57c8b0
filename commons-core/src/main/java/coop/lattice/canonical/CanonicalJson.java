package coop.lattice.canonical;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
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
 * numbers. There are two entry points, which differ in the numbers they take:
 *
 * <ul>
 *   <li>{@link #encode(Object)}, for Lattice's own documents (ledger entries, checkpoints): integral
 *       numbers ({@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code BigInteger})
 *       within the IEEE 754 safe range only. Fractional numbers are refused: Lattice writes
 *       quantities as decimal strings so that no node ever rounds them differently.
 *   <li>{@link #encodeForeign(Object)}, for documents from elsewhere, such as another server's
 *       activity whose proof is checked: also {@code Double}, {@code Float}, {@code BigDecimal} and
 *       integers beyond the safe range. RFC 8785 reads every JSON number as an IEEE 754 double, so
 *       these become the nearest double and are written as ECMAScript writes it ({@link
 *       EcmaScriptNumbers}): {@code 21.5}, {@code 1e-7}, and 2<sup>60</sup> as {@code
 *       1152921504606847000}, as {@code JSON.stringify} does.
 * </ul>
 *
 * <pre>{@code
 * byte[] b = CanonicalJson.encode(Map.of("b", 1, "a", List.of(true, "x")));
 * // {"a":[true,"x"],"b":1}
 * byte[] f = CanonicalJson.encodeForeign(Map.of("t", 21.50, "n", 1E30));
 * // {"n":1e+30,"t":21.5}
 * }</pre>
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /**
   * The canonical bytes of one of Lattice's own values: integers within the IEEE 754 safe range are
   * the only numbers taken.
   *
   * @throws IllegalArgumentException for a fraction, an integer beyond the safe range, a lone
   *     surrogate, a member name that is not a string, or a type JSON has no form for
   */
  public static byte[] encode(@Nullable Object value) {
    CanonicalWriter w = new CanonicalWriter();
    write(w, value, false);
    return w.toByteArray();
  }

  /**
   * The canonical bytes of a value from elsewhere: as {@link #encode(Object)}, but every finite
   * number is taken, read as the nearest IEEE 754 double as RFC 8785 does, and written as
   * ECMAScript writes it. A {@code Float} is widened exactly (0.1f is 0.10000000149011612); a
   * safe integer is written as it is, which is also its ECMAScript form.
   *
   * @throws IllegalArgumentException for NaN, an infinity or a number beyond the range of doubles
   *     (RFC 8785 has no form for them), and for what {@link #encode(Object)} refuses otherwise
   */
  public static byte[] encodeForeign(@Nullable Object value) {
    CanonicalWriter w = new CanonicalWriter();
    write(w, value, true);
    return w.toByteArray();
  }

  private static void write(CanonicalWriter w, @Nullable Object value, boolean foreign) {
    if (value == null) {
      w.nullValue();
    } else if (value instanceof String s) {
      w.value(s);
    } else if (value instanceof Boolean b) {
      w.value(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      integer(w, ((Number) value).longValue(), foreign);
    } else if (value instanceof BigInteger bi) {
      if (foreign && bi.bitLength() >= 63) {
        w.ieeeNumber(finite(bi.doubleValue(), bi));
      } else {
        checkArgument(bi.bitLength() < 63, "integer too large for canonical JSON: %s", bi);
        integer(w, bi.longValueExact(), foreign);
      }
    } else if (foreign && (value instanceof Double || value instanceof Float)) {
      w.ieeeNumber(((Number) value).doubleValue());
    } else if (foreign && value instanceof BigDecimal bd) {
      w.ieeeNumber(finite(bd.doubleValue(), bd));
    } else if (value instanceof Map<?, ?> map) {
      TreeMap<String, @Nullable Object> sorted = new TreeMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        checkArgument(e.getKey() instanceof String, "object member names must be strings: %s", e.getKey());
        sorted.put((String) e.getKey(), e.getValue());
      }
      w.beginObject();
      for (Map.Entry<String, @Nullable Object> e : sorted.entrySet()) {
        w.name(e.getKey());
        write(w, e.getValue(), foreign);
      }
      w.endObject();
    } else if (value instanceof List<?> list) {
      w.beginArray();
      for (Object o : list) {
        write(w, o, foreign);
      }
      w.endArray();
    } else {
      throw new IllegalArgumentException(
          "no canonical JSON form for " + value.getClass().getName() + ": " + value);
    }
  }

  private static void integer(CanonicalWriter w, long n, boolean foreign) {
    if (foreign && (n < -CanonicalWriter.MAX_SAFE_INTEGER || n > CanonicalWriter.MAX_SAFE_INTEGER)) {
      w.ieeeNumber((double) n); // the nearest double, ties to even (JLS 5.1.2)
    } else {
      w.value(n); // refuses it beyond the safe range
    }
  }

  /** {@code d}, the double nearest {@code n}, unless {@code n} is beyond the range of doubles. */
  private static double finite(double d, Number n) {
    checkArgument(Double.isFinite(d),
        "number beyond the range of IEEE 754 doubles, which RFC 8785 cannot write: %s", n);
    return d;
  }
}
