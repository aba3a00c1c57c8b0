package coop.lattice.collective;

import coop.lattice.canonical.CanonicalJson;
import coop.lattice.ledger.VerificationKey;
import coop.lattice.merkle.Hash;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SHA-256 of a state's canonical JSON ({@link CollectiveState#digest()}): records as objects
 * of their components, maps as objects whose member names are their keys' text (a key that is not
 * a string or a number is written as its own canonical JSON), sets sorted by their canonical bytes,
 * decimals as plain strings, instants and dates in ISO 8601, enums by lowercase name, hashes and
 * keys in base64url, nulls and empty optionals left out; RFC 8785 orders the members. So two
 * copies of one ledger, folded in different processes, give the same digest whatever their maps'
 * order, and any difference in what they hold gives another.
 */
final class StateDigest {
  private StateDigest() {}

  static Hash of(CollectiveState state) {
    return Hash.sha256(CanonicalJson.encode(tree(state)));
  }

  /** {@code value} as plain JSON values: maps, lists, strings, whole numbers and booleans. */
  private static Object tree(Object value) {
    if (value instanceof String || value instanceof Boolean) {
      return value;
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    } else if (value instanceof BigDecimal d) {
      return d.toPlainString();
    } else if (value instanceof Instant || value instanceof LocalDate || value instanceof YearMonth
        || value instanceof Duration) {
      return value.toString();
    } else if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT);
    } else if (value instanceof Hash h) {
      return h.base64Url();
    } else if (value instanceof VerificationKey k) {
      return k.base64Url();
    } else if (value instanceof Optional<?> o) {
      return o.map(StateDigest::tree).orElse(null);
    } else if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, v) -> {
        if (v != null) {
          out.put(key(k), tree(v));
        }
      });
      return out;
    } else if (value instanceof Set<?> s) {
      List<String> sorted = new ArrayList<>();
      s.forEach(x -> sorted.add(new String(CanonicalJson.encode(tree(x)), StandardCharsets.UTF_8)));
      sorted.sort(Comparator.naturalOrder());
      return sorted;
    } else if (value instanceof Collection<?> c) {
      return c.stream().map(StateDigest::tree).toList();
    } else if (value instanceof Record r) {
      return record(r);
    }
    throw new IllegalArgumentException("no canonical form for a " + value.getClass().getName() + " in a state");
  }

  private static Object record(Record r) {
    RecordComponent[] components = r.getClass().getRecordComponents();
    if (components.length == 1 && components[0].getName().equals("value")) {
      return tree(component(r, components[0])); // an id wrapping one value, written as that value
    }
    Map<String, Object> out = new TreeMap<>();
    for (RecordComponent c : components) {
      Object v = component(r, c);
      if (v != null && !(v instanceof Optional<?> o && o.isEmpty())) {
        out.put(c.getName(), tree(v));
      }
    }
    return out;
  }

  private static String key(Object k) {
    Object t = tree(k);
    return t instanceof String s ? s : t instanceof Long n ? n.toString()
        : new String(CanonicalJson.encode(t), StandardCharsets.UTF_8);
  }

  private static Object component(Record r, RecordComponent c) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
    }
  }
}
