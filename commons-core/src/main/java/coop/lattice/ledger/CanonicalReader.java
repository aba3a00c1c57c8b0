package coop.lattice.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;

import coop.lattice.merkle.Hash;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@link EntryCodec#decodeCanonical}: reads an entry's canonical bytes straight
 * into its records, without a token stream or a map per object, as a ledger does for every
 * entry when it opens.
 *
 * <p>It reads only what has the shape of canonical JSON (no whitespace, members in canonical
 * order, no {@code null} members, integers without fraction or exponent, within the general
 * path's limits on depth, length and digits) and throws {@link NotCanonical} at anything else.
 * It does not decide whether the bytes are canonical: the caller encodes what it read and
 * compares, and on any failure decodes the bytes again the general way, which says what is wrong.
 * Not thread-safe; one reader per document.
 */
final class CanonicalReader {
  /** The general path's limits (EntryCodec's parser), or tighter. */
  private static final int MAX_DEPTH = 16;
  private static final int MAX_STRING = (1 << 16) - 1;
  private static final int MAX_DOCUMENT = (1 << 24) - 1;
  private static final int MAX_DIGITS = 18;
  private static final byte[] TYPE = {'t', 'y', 'p', 'e', '"', ':'};

  private final byte[] in;
  /** Where the entry's bytes end in {@link #in}; reading on past it fails the last check. */
  private final int end;
  private int pos;
  private int depth;
  /** Where the bytes of the string {@link #plain()} stepped over start. */
  private int from;

  private CanonicalReader(byte[] in, int start, int end) {
    this.in = in;
    this.pos = start;
    this.end = end;
  }

  /**
   * The entry in bytes {@code start..end} of {@code in}, if they have the shape of canonical JSON;
   * else throws. Whatever follows them in {@code in} is never part of what is returned: the
   * reading must end exactly at {@code end}.
   */
  static Entry entry(byte[] in, int start, int end) {
    if (end - start > MAX_DOCUMENT) {
      throw NotCanonical.INSTANCE;
    }
    CanonicalReader r = new CanonicalReader(in, start, end);
    Object e = r.record(RecordShape.of(Entry.class));
    if (r.pos != end) {
      throw NotCanonical.INSTANCE;
    }
    return (Entry) e;
  }

  /** Thrown at the first byte the fast path does not take; without a stack trace, as it says nothing. */
  static final class NotCanonical extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final NotCanonical INSTANCE = new NotCanonical();

    private NotCanonical() {
      super("not on the fast path", null, false, false);
    }
  }

  private Object record(RecordShape shape) {
    expect('{');
    enter();
    RecordShape.Member[] members = shape.members;
    @Nullable Object[] args = new Object[shape.components.length];
    int next = 0; // members come in canonical order: each name is looked for after the one before
    if (in[pos] == '}') {
      pos++;
    } else {
      while (true) {
        expect('"');
        RecordShape.Member m;
        do {
          if (next == members.length) {
            throw NotCanonical.INSTANCE; // unknown, repeated or out of order
          }
          m = members[next++];
          if (at(m.key)) { // its name, the closing quote and the colon
            break;
          }
          if (!m.nullable) {
            throw NotCanonical.INSTANCE; // missing
          }
        } while (true);
        if (m.component == null) { // an event's "type": its shape was picked by it
          int to = plain();
          if (!RecordShape.Member.equal(in, from, to, shape.simpleNameBytes)) {
            throw NotCanonical.INSTANCE;
          }
        } else {
          args[m.position] = value(m.kind, m.raw, m.element);
        }
        byte c = next();
        if (c == '}') {
          break;
        }
        if (c != ',') {
          throw NotCanonical.INSTANCE;
        }
      }
    }
    for (; next < members.length; next++) {
      if (!members[next].nullable) {
        throw NotCanonical.INSTANCE;
      }
    }
    depth--;
    return shape.construct(args);
  }

  private Object value(int kind, @Nullable Class<?> raw, @Nullable Type element) {
    switch (kind) {
      case RecordShape.STRING:
        return string();
      case RecordShape.LONG:
        return integer();
      case RecordShape.INT:
        return Math.toIntExact(integer());
      case RecordShape.BOOLEAN:
        return bool();
      case RecordShape.DECIMAL:
        return new BigDecimal(string());
      case RecordShape.INSTANT: {
        int to = plain();
        Instant t = IsoText.parseInstant(in, from, to);
        return t != null ? t : Instant.parse(new String(in, from, to - from, UTF_8));
      }
      case RecordShape.DATE: {
        int to = plain();
        LocalDate d = IsoText.parseDate(in, from, to);
        return d != null ? d : LocalDate.parse(new String(in, from, to - from, UTF_8));
      }
      case RecordShape.LIST:
        if (element == null) {
          break;
        }
        return list(element);
      case RecordShape.HASH: {
        int to = plain();
        return Hash.fromBase64Url(in, from, to - from);
      }
      case RecordShape.ENUM: {
        Object c = RecordShape.enumConstant(Objects.requireNonNull(raw), string());
        if (c == null) {
          break;
        }
        return c;
      }
      case RecordShape.EVENT:
        return event();
      case RecordShape.WRAPPER:
        return wrapper(RecordShape.of(Objects.requireNonNull(raw)));
      case RecordShape.RECORD:
        return record(RecordShape.of(Objects.requireNonNull(raw)));
      default:
        break;
    }
    throw NotCanonical.INSTANCE;
  }

  /**
   * A record that wraps one string ({@code MemberId}, {@code CollectiveId}, ...): the same bytes
   * give the same instance, from a small cache per thread, so that the few members of a ledger
   * are not made and validated again for every entry that names them. Such records are values.
   */
  private Object wrapper(RecordShape shape) {
    int start = pos;
    expect('"');
    int from = pos;
    while (in[pos] != '"') {
      if (in[pos] == '\\' || (in[pos] >= 0 && in[pos] < 0x20) || pos - from >= Wrappers.MAX_BYTES) {
        pos = start; // read as any string, without the cache
        return shape.construct(new Object[] {string()});
      }
      pos++;
    }
    int to = pos++;
    return Wrappers.forThisThread().get(shape, in, from, to);
  }

  private List<Object> list(Type element) {
    expect('[');
    enter();
    Class<?> raw = RecordShape.raw(element);
    int kind = RecordShape.kind(raw);
    Type inner = raw == List.class ? ((ParameterizedType) element).getActualTypeArguments()[0] : null;
    List<Object> out = new ArrayList<>();
    if (in[pos] == ']') {
      pos++;
    } else {
      while (true) {
        out.add(value(kind, raw, inner));
        byte c = next();
        if (c == ']') {
          break;
        }
        if (c != ',') {
          throw NotCanonical.INSTANCE;
        }
      }
    }
    depth--;
    return List.copyOf(out);
  }

  /** An event: its {@code "type"} member, wherever it stands, picks the record to read. */
  private Object event() {
    int start = pos;
    expect('{');
    Class<?> type = null;
    while (type == null) {
      expect('"');
      if (at(TYPE)) {
        int to = plain();
        type = RecordShape.eventType(in, from, to);
        if (type == null) {
          throw NotCanonical.INSTANCE;
        }
      } else {
        rawStringEnd();
        expect(':');
        skipValue();
        if (next() != ',') {
          throw NotCanonical.INSTANCE; // the end, or no member separator: no "type"
        }
      }
    }
    pos = start;
    return record(RecordShape.of(type));
  }

  /** Steps over one value of any kind (its content is read when the record is). */
  private void skipValue() {
    int nesting = 0;
    do {
      byte c = next();
      if (c == '"') {
        while (in[pos] != '"') {
          pos += in[pos] == '\\' ? 2 : 1;
        }
        pos++;
      } else if (c == '{' || c == '[') {
        nesting++;
      } else if (c == '}' || c == ']') {
        nesting--;
      }
    } while (nesting > 0 || (in[pos] != ',' && in[pos] != '}' && in[pos] != ']'));
  }

  private String string() {
    expect('"');
    int start = pos;
    for (byte b = in[pos]; b != '"'; b = in[++pos]) {
      if (b == '\\') {
        return escapedString(start);
      }
      if (b >= 0 && b < 0x20) {
        throw NotCanonical.INSTANCE;
      }
    }
    if (pos++ - start > MAX_STRING) {
      throw NotCanonical.INSTANCE;
    }
    return new String(in, start, pos - 1 - start, UTF_8);
  }

  private String escapedString(int from) {
    StringBuilder s = new StringBuilder();
    int run = from;
    while (true) {
      byte b = in[pos];
      if (b == '"' || b == '\\') {
        s.append(new String(in, run, pos - run, UTF_8));
        pos++;
        if (b == '"') {
          break;
        }
        byte e = in[pos++];
        switch (e) {
          case '"', '\\', '/' -> s.append((char) e);
          case 'b' -> s.append('\b');
          case 'f' -> s.append('\f');
          case 'n' -> s.append('\n');
          case 'r' -> s.append('\r');
          case 't' -> s.append('\t');
          case 'u' -> {
            s.append((char) Integer.parseInt(new String(in, pos, 4, UTF_8), 16));
            pos += 4;
          }
          default -> throw NotCanonical.INSTANCE;
        }
        run = pos;
      } else if (b >= 0 && b < 0x20) {
        throw NotCanonical.INSTANCE;
      } else {
        pos++;
      }
    }
    if (s.length() > MAX_STRING) {
      throw NotCanonical.INSTANCE;
    }
    return s.toString();
  }

  /** Steps over a string without escapes: sets {@link #from} to where its bytes start and returns where they end. */
  private int plain() {
    expect('"');
    from = pos;
    return rawStringEnd();
  }

  /** After an opening quote: steps past the closing one and returns where it stood; no escapes taken. */
  private int rawStringEnd() {
    while (true) {
      byte b = in[pos];
      if (b == '"') {
        return pos++;
      }
      if (b == '\\' || (b >= 0 && b < 0x20)) {
        throw NotCanonical.INSTANCE;
      }
      pos++;
    }
  }

  private long integer() {
    boolean negative = in[pos] == '-';
    if (negative) {
      pos++;
    }
    int from = pos;
    long v = 0;
    while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
      v = v * 10 + (in[pos++] - '0');
    }
    int digits = pos - from;
    if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && in[from] == '0')
        || (pos < end && (in[pos] == '.' || in[pos] == 'e' || in[pos] == 'E'))) {
      throw NotCanonical.INSTANCE;
    }
    return negative ? -v : v;
  }

  private boolean bool() {
    boolean value = in[pos] == 't';
    String word = value ? "true" : "false";
    for (int i = 0; i < word.length(); i++) {
      expect(word.charAt(i));
    }
    return value;
  }

  /** Whether {@code bytes} stand at the current position; if so, steps over them. */
  private boolean at(byte[] bytes) {
    int n = bytes.length;
    if (pos + n > end) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (in[pos + i] != bytes[i]) {
        return false;
      }
    }
    pos += n;
    return true;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw NotCanonical.INSTANCE;
    }
  }

  private void expect(char c) {
    if (next() != c) {
      throw NotCanonical.INSTANCE;
    }
  }

  private byte next() {
    return in[pos++];
  }
}
