package coop.lattice.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;

import coop.lattice.merkle.Hash;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one record type maps to canonical JSON, worked out once per type by reflection: its members
 * in canonical order (an {@link Event} also gets a {@code "type"} member), how to read each
 * component and how to construct the record. Shared by {@link EntryCodec} and {@link
 * CanonicalReader}; also the lowercase names of enum constants and the event types by name.
 */
final class RecordShape {
  private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
    @Override
    protected RecordShape computeValue(Class<?> type) {
      return new RecordShape(type);
    }
  };

  private static final ClassValue<String[]> LOWER_NAMES = new ClassValue<>() {
    @Override
    protected String[] computeValue(Class<?> type) {
      return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
          .toArray(String[]::new);
    }
  };

  /** What a value of a class is in JSON, for {@link CanonicalReader}: see {@link #kind(Class)}. */
  static final int STRING = 0;
  static final int LONG = 1;
  static final int INT = 2;
  static final int BOOLEAN = 3;
  static final int DECIMAL = 4;
  static final int INSTANT = 5;
  static final int DATE = 6;
  static final int LIST = 7;
  static final int HASH = 8;
  static final int ENUM = 9;
  static final int EVENT = 10;
  static final int WRAPPER = 11;
  static final int RECORD = 12;
  static final int OTHER = 13;

  private static final ClassValue<Integer> KINDS = new ClassValue<>() {
    @Override
    protected Integer computeValue(Class<?> c) {
      if (c == String.class) {
        return STRING;
      } else if (c == long.class || c == Long.class) {
        return LONG;
      } else if (c == int.class || c == Integer.class) {
        return INT;
      } else if (c == boolean.class || c == Boolean.class) {
        return BOOLEAN;
      } else if (c == BigDecimal.class) {
        return DECIMAL;
      } else if (c == Instant.class) {
        return INSTANT;
      } else if (c == LocalDate.class) {
        return DATE;
      } else if (c == List.class) {
        return LIST;
      } else if (c == Hash.class) {
        return HASH;
      } else if (c.isEnum()) {
        return ENUM;
      } else if (c == Event.class) {
        return EVENT;
      } else if (c.isRecord()) {
        return isStringWrapper(c.getRecordComponents()) ? WRAPPER : RECORD;
      }
      return OTHER;
    }
  };

  private static final Map<String, Class<?>> EVENT_TYPES = new HashMap<>();
  /** The event types again, by the UTF-8 bytes of their names: an open-addressed table. */
  private static final byte[][] EVENT_NAMES;
  private static final Class<?>[] EVENT_CLASSES;

  static {
    List<Class<?>> events = records(Event.class, new ArrayList<>());
    int slots = Integer.highestOneBit(events.size() * 4);
    EVENT_NAMES = new byte[slots][];
    EVENT_CLASSES = new Class<?>[slots];
    for (Class<?> c : events) {
      EVENT_TYPES.put(c.getSimpleName(), c);
      byte[] name = c.getSimpleName().getBytes(UTF_8);
      int i = hash(name, 0, name.length) & (slots - 1);
      while (EVENT_NAMES[i] != null) {
        i = (i + 1) & (slots - 1);
      }
      EVENT_NAMES[i] = name;
      EVENT_CLASSES[i] = c;
    }
  }

  /** The records among the permitted subclasses of {@code sealed}, through sealed interfaces such as {@link Event.Voting}. */
  private static List<Class<?>> records(Class<?> sealed, List<Class<?>> into) {
    for (Class<?> c : sealed.getPermittedSubclasses()) {
      if (c == NewerEvent.class) {
        continue; // not a type of its own: an event of a newer format, read from its entry's "format"
      }
      if (c.isSealed() && c.isInterface()) {
        records(c, into);
      } else {
        into.add(c);
      }
    }
    return into;
  }

  final Class<?> type;
  /** The record's simple name: the value of an event's {@code "type"} member. */
  final String simpleName;
  final byte[] simpleNameBytes;
  final RecordComponent[] components;
  /** Members in canonical order (ascending names). */
  final Member[] members;
  final boolean stringWrapper;
  private final MethodHandle constructor;

  private RecordShape(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException("no ledger encoding for " + type.getName());
    }
    this.type = type;
    this.simpleName = type.getSimpleName();
    this.simpleNameBytes = simpleName.getBytes(UTF_8);
    this.components = type.getRecordComponents();
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    List<Member> list = new ArrayList<>();
    try {
      for (int i = 0; i < components.length; i++) {
        MethodHandle get = lookup.unreflect(components[i].getAccessor())
            .asType(MethodType.methodType(Object.class, Object.class));
        list.add(new Member(components[i], i, get));
      }
      if (Event.class.isAssignableFrom(type)) {
        list.add(new Member(null, -1, null));
      }
      list.sort(Comparator.comparing(m -> m.name));
      Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      this.constructor = lookup.unreflectConstructor(type.getDeclaredConstructor(types))
          .asSpreader(Object[].class, types.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot reflect on " + type, e);
    }
    this.members = list.toArray(Member[]::new);
    this.stringWrapper = isStringWrapper(components);
  }

  /** Whether a record of these components wraps one string (as {@code MemberId} does), written as that string. */
  private static boolean isStringWrapper(RecordComponent[] components) {
    return components.length == 1 && components[0].getName().equals("value") && components[0].getType() == String.class;
  }

  /** The shape of record type {@code type}; throws for a type that is not a record. */
  static RecordShape of(Class<?> type) {
    return SHAPES.get(type);
  }

  /** The event type whose simple name is {@code name}, or null. */
  static @Nullable Class<?> eventType(String name) {
    return EVENT_TYPES.get(name);
  }

  /** The event type whose simple name is in bytes {@code from..to} of {@code in}, or null. */
  static @Nullable Class<?> eventType(byte[] in, int from, int to) {
    int mask = EVENT_NAMES.length - 1;
    for (int i = hash(in, from, to) & mask; EVENT_NAMES[i] != null; i = (i + 1) & mask) {
      if (Member.equal(in, from, to, EVENT_NAMES[i])) {
        return EVENT_CLASSES[i];
      }
    }
    return null;
  }

  private static int hash(byte[] in, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + in[i];
    }
    return h ^ (h >>> 16);
  }

  /** {@code e}'s name in lowercase, as the ledger writes enum constants. */
  static String lowerName(Enum<?> e) {
    return LOWER_NAMES.get(e.getDeclaringClass())[e.ordinal()];
  }

  /** The constant of enum {@code type} whose lowercase name is exactly {@code lower}, or null. */
  static @Nullable Object enumConstant(Class<?> type, String lower) {
    String[] names = LOWER_NAMES.get(type);
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(lower)) {
        return type.getEnumConstants()[i];
      }
    }
    return null;
  }

  /** What a value of class {@code c} is in JSON: one of {@link #STRING} to {@link #OTHER}, found once per class. */
  static int kind(Class<?> c) {
    return KINDS.get(c);
  }

  /** The class a (possibly parameterized) type stands for. */
  static Class<?> raw(Type generic) {
    return generic instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) generic;
  }

  Object construct(@Nullable Object[] args) {
    try {
      return (Object) constructor.invokeExact(args);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** One member of a record's JSON object: a component, or an event's {@code "type"} (no component). */
  static final class Member {
    final @Nullable RecordComponent component;
    final String name;
    /** The name as canonical JSON writes it after the opening quote: UTF-8, then {@code ":}. */
    final byte[] key;
    final int position;
    final boolean nullable;
    /** The component's class and its {@link RecordShape#kind}, and for a list the type of its elements (else null). */
    final @Nullable Class<?> raw;
    final int kind;
    final @Nullable Type element;
    private final @Nullable MethodHandle accessor;

    Member(@Nullable RecordComponent component, int position, @Nullable MethodHandle accessor) {
      this.component = component;
      this.name = component == null ? "type" : component.getName();
      this.key = (name + "\":").getBytes(UTF_8);
      this.position = position;
      this.accessor = accessor;
      this.nullable = component != null && (component.isAnnotationPresent(Nullable.class)
          || component.getAnnotatedType().isAnnotationPresent(Nullable.class));
      this.raw = component == null ? null : component.getType();
      this.kind = component == null ? OTHER : kind(component.getType());
      this.element = component != null && component.getType() == List.class
          && component.getGenericType() instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : null;
    }

    @Nullable Object get(Object record) {
      try {
        return (Object) Objects.requireNonNull(accessor).invokeExact(record);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }

    /** Whether bytes {@code from..to} of {@code in} are exactly {@code bytes}. */
    static boolean equal(byte[] in, int from, int to, byte[] bytes) {
      int n = bytes.length;
      if (to - from != n) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (in[from + i] != bytes[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
