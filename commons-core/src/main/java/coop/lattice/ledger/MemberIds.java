package coop.lattice.ledger;

import coop.lattice.MemberId;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Setting;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Every member an event names, wherever it names them: components of type {@link MemberId},
 * inside records and lists at any depth, and agreement settings whose parameter is a list of
 * members (written as text). {@link #map} rebuilds only the records that name someone (decided
 * once per type) and keeps every list's order; an event that names nobody comes back as it is.
 */
public final class MemberIds {
  /** Whether values of a type can name a member, worked out once per type. */
  private static final ClassValue<Boolean> MAY_NAME = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return mayName(type, new HashSet<>());
    }
  };

  /**
   * The members of a record's shape whose values can name a member, worked out once per type: the
   * others are read only when the record is rebuilt (a long read there is boxed, so reading it for
   * nothing costs an object).
   */
  private static final ClassValue<RecordShape.Member[]> NAMING = new ClassValue<>() {
    @Override
    protected RecordShape.Member[] computeValue(Class<?> type) {
      return Arrays.stream(RecordShape.of(type).members)
          .filter(m -> m.component != null && mayName(m.component.getGenericType(), new HashSet<>()))
          .toArray(RecordShape.Member[]::new);
    }
  };

  private MemberIds() {}

  /** {@code event} with every member it names replaced by {@code f} of them. */
  public static Event map(Event event, UnaryOperator<MemberId> f) {
    return MAY_NAME.get(event.getClass()) ? (Event) mapValue(event, f) : event;
  }

  /** Whether {@code event} names a member for whom {@code p} holds. */
  public static boolean any(Event event, Predicate<MemberId> p) {
    boolean[] found = {false};
    map(event, m -> {
      found[0] |= p.test(m);
      return m;
    });
    return found[0];
  }

  private static @Nullable Object mapValue(@Nullable Object value, UnaryOperator<MemberId> f) {
    if (value == null) {
      return null;
    } else if (value instanceof MemberId m) {
      return f.apply(m);
    } else if (value instanceof Setting s) {
      if (!s.parameter().namesMembers()) {
        return s;
      }
      @SuppressWarnings("unchecked") // namesMembers: the parameter's values are lists of members
      Parameter<List<MemberId>> members = (Parameter<List<MemberId>>) s.parameter();
      return Setting.of(members, members.parse(s.value()).stream().map(f).toList());
    } else if (value instanceof List<?> list) {
      List<Object> out = null;
      for (int i = 0; i < list.size(); i++) {
        Object o = list.get(i);
        Object mapped = mapValue(o, f);
        if (mapped != o && out == null) {
          out = new ArrayList<>(list.subList(0, i));
        }
        if (out != null) {
          out.add(mapped);
        }
      }
      return out == null ? list : List.copyOf(out);
    } else if (value instanceof Record r && MAY_NAME.get(r.getClass())) {
      RecordShape shape = RecordShape.of(r.getClass());
      @Nullable Object[] args = null;
      for (RecordShape.Member m : NAMING.get(r.getClass())) {
        Object v = m.get(r);
        Object mapped = mapValue(v, f);
        if (mapped != v) {
          args = args != null ? args : new Object[shape.components.length];
          args[m.position] = mapped;
        }
      }
      if (args == null) {
        return r;
      }
      for (RecordShape.Member m : shape.members) {
        if (m.component != null && args[m.position] == null) {
          args[m.position] = m.get(r);
        }
      }
      return shape.construct(args);
    }
    return value;
  }

  private static boolean mayName(Class<?> type, Set<Class<?>> seen) {
    if (type == MemberId.class || type == Setting.class) {
      return true;
    }
    if (!type.isRecord() || !seen.add(type)) {
      return false; // interfaces are mapped by their records' own classes
    }
    for (RecordComponent c : type.getRecordComponents()) {
      if (mayName(c.getGenericType(), seen)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mayName(Type generic, Set<Class<?>> seen) {
    if (generic instanceof ParameterizedType pt) {
      for (Type arg : pt.getActualTypeArguments()) {
        if (mayName(arg, seen)) {
          return true;
        }
      }
      return false;
    }
    if (generic instanceof Class<?> c) {
      return c.isInterface() && c != List.class ? c.isSealed() : mayName(c, seen);
    }
    return true; // a type variable or wildcard: be safe
  }
}
