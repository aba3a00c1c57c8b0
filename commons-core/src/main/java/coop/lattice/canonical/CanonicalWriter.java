package coop.lattice.canonical;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Streams RFC 8785 (JSON Canonicalization Scheme) bytes.
 *
 * <p>The writer enforces what makes the output canonical instead of trusting the caller: object
 * member names must arrive in strictly ascending UTF-16 code unit order (which is {@link
 * String#compareTo}), {@link #value(long) integers} are within the IEEE 754 safe range (so that
 * every reader sees the same value), and strings are escaped exactly as RFC 8785 prescribes.
 * Anything else is an {@link IllegalArgumentException} or {@link IllegalStateException}, never
 * silently different bytes.
 *
 * <p>Other numbers, which only documents from elsewhere carry (Lattice writes quantities as
 * decimal strings), go through {@link #ieeeNumber(double)}: a method of its own rather than an
 * overload of {@code value}, so that a {@code float} or a fraction never reaches it unasked.
 *
 * <p>Not thread-safe; one writer per document.
 *
 * <pre>{@code
 * CanonicalWriter w = new CanonicalWriter();
 * w.beginObject().name("kind").value("repair").name("size").value(3).endObject();
 * byte[] bytes = w.toByteArray(); // {"kind":"repair","size":3}
 * }</pre>
 */
public final class CanonicalWriter {
  /** Largest integer every IEEE 754 reader represents exactly (2^53 - 1). */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private byte[] buf;
  private int len;
  /**
   * One frame per open container, innermost at {@code depth - 1}: whether it is an object, the
   * last member name written in it (objects), and whether nothing was written in it yet. Kept in
   * arrays that the writer reuses, so that a document costs no allocation per container.
   */
  private boolean[] isObject = new boolean[8];
  private @Nullable String[] lastName = new String[8];
  private boolean[] isFirst = new boolean[8];
  private int depth;
  private boolean expectValue = true; // top level expects exactly one value
  private boolean done;

  public CanonicalWriter() {
    this(256);
  }

  public CanonicalWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  public CanonicalWriter beginObject() {
    beforeValue();
    put((byte) '{');
    push(true);
    expectValue = false;
    return this;
  }

  public CanonicalWriter endObject() {
    checkState(depth > 0 && isObject[depth - 1] && !expectValue, "endObject() without a matching beginObject()");
    depth--;
    put((byte) '}');
    afterValue();
    return this;
  }

  public CanonicalWriter beginArray() {
    beforeValue();
    put((byte) '[');
    push(false);
    expectValue = true;
    return this;
  }

  public CanonicalWriter endArray() {
    checkState(depth > 0 && !isObject[depth - 1], "endArray() without a matching beginArray()");
    depth--;
    put((byte) ']');
    afterValue();
    return this;
  }

  /**
   * Writes a member name. Names must come in strictly ascending {@link String#compareTo} order
   * within one object, as RFC 8785 section 3.2.3 requires.
   */
  public CanonicalWriter name(String name) {
    int f = depth - 1;
    checkState(f >= 0 && isObject[f] && !expectValue, "name() outside an object or where a value is due");
    String last = lastName[f];
    if (last != null) {
      checkArgument(
          last.compareTo(name) < 0,
          "member names out of canonical order: \"%s\" after \"%s\"",
          name,
          last);
    }
    if (!isFirst[f]) {
      put((byte) ',');
    }
    isFirst[f] = false;
    lastName[f] = name;
    writeString(name);
    put((byte) ':');
    expectValue = true;
    return this;
  }

  public CanonicalWriter value(String s) {
    beforeValue();
    writeString(s);
    afterValue();
    return this;
  }

  public CanonicalWriter value(long n) {
    checkArgument(
        n >= -MAX_SAFE_INTEGER && n <= MAX_SAFE_INTEGER,
        "integer outside the IEEE 754 safe range (|n| <= 2^53 - 1): %s; encode it as a string",
        n);
    beforeValue();
    writeDigits(n);
    afterValue();
    return this;
  }

  /**
   * Writes {@code canonical}, which must already be one value in canonical form (as {@link
   * CanonicalJson#encode} writes it), as it is: for a value kept as its bytes, such as an event a
   * newer version wrote. Nothing is checked here; whoever reads the result back checks it.
   */
  public CanonicalWriter rawValue(byte[] canonical) {
    beforeValue();
    if (len + canonical.length > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + canonical.length));
    }
    System.arraycopy(canonical, 0, buf, len, canonical.length);
    len += canonical.length;
    afterValue();
    return this;
  }

  /**
   * Writes a string given as {@code count} bytes of printable ASCII from {@code bytes[off]}: {@code
   * 0x20} to {@code 0x7e} except {@code "} and {@code \}, which canonical JSON writes as they are.
   * The same as {@code value(new String(bytes, off, count, US_ASCII))}, without making the string:
   * for text made by the byte, such as dates and base64.
   *
   * @throws IllegalArgumentException if one of the bytes is not such a character; nothing is written
   */
  public CanonicalWriter asciiValue(byte[] bytes, int off, int count) {
    for (int i = off; i < off + count; i++) {
      byte c = bytes[i];
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        throw new IllegalArgumentException("asciiValue takes printable ASCII other than '\"' and '\\', not 0x"
            + Integer.toHexString(c & 0xff));
      }
    }
    beforeValue();
    if (len + count + 2 > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + count + 2));
    }
    buf[len++] = '"';
    System.arraycopy(bytes, off, buf, len, count);
    len += count;
    buf[len++] = '"';
    afterValue();
    return this;
  }

  /**
   * Writes an IEEE 754 double as RFC 8785 section 3.2.2.3 prescribes: ECMAScript's
   * {@code Number::toString}, as {@link EcmaScriptNumbers#format(double)} gives it ({@code 21.5},
   * {@code 1e+21}, {@code 1.5e-7}; negative zero as {@code 0}). For documents from elsewhere
   * (see {@link CanonicalJson#encodeForeign(Object)}); Lattice's own documents use {@link
   * #value(long)} and decimal strings.
   *
   * @throws IllegalArgumentException if {@code d} is NaN or infinite, which JSON cannot carry
   */
  public CanonicalWriter ieeeNumber(double d) {
    String text = EcmaScriptNumbers.format(d);
    beforeValue();
    writeAscii(text);
    afterValue();
    return this;
  }

  public CanonicalWriter value(boolean b) {
    beforeValue();
    writeAscii(b ? "true" : "false");
    afterValue();
    return this;
  }

  public CanonicalWriter nullValue() {
    beforeValue();
    writeAscii("null");
    afterValue();
    return this;
  }

  /** The finished document. Fails if a container is still open or nothing was written. */
  public byte[] toByteArray() {
    checkState(done, "the document is not complete: %s container(s) still open", depth);
    return Arrays.copyOf(buf, len);
  }

  /**
   * Whether the finished document is exactly {@code bytes}: {@code Arrays.equals(toByteArray(),
   * bytes)} without copying the document out. Fails as {@link #toByteArray()} does.
   */
  public boolean matches(byte[] bytes) {
    return matches(bytes, 0, bytes.length);
  }

  /** Whether the finished document is exactly bytes {@code off..off + count} of {@code bytes}. */
  public boolean matches(byte[] bytes, int off, int count) {
    checkState(done, "the document is not complete: %s container(s) still open", depth);
    return Arrays.equals(buf, 0, len, bytes, off, off + count);
  }

  /** Resets the writer so that it can write another document, keeping its buffer. */
  public CanonicalWriter reset() {
    len = 0;
    Arrays.fill(lastName, 0, depth, null);
    depth = 0;
    expectValue = true;
    done = false;
    return this;
  }

  private void push(boolean object) {
    if (depth == isObject.length) {
      isObject = Arrays.copyOf(isObject, depth * 2);
      lastName = Arrays.copyOf(lastName, depth * 2);
      isFirst = Arrays.copyOf(isFirst, depth * 2);
    }
    isObject[depth] = object;
    lastName[depth] = null;
    isFirst[depth] = true;
    depth++;
  }

  private void beforeValue() {
    checkState(!done, "a canonical document holds exactly one top-level value");
    int f = depth - 1;
    if (f < 0) {
      return;
    }
    if (isObject[f]) {
      checkState(expectValue, "an object member needs name() before its value");
    } else {
      if (!isFirst[f]) {
        put((byte) ',');
      }
      isFirst[f] = false;
    }
  }

  private void afterValue() {
    int f = depth - 1;
    if (f < 0) {
      done = true;
    } else if (isObject[f]) {
      expectValue = false;
    }
  }

  private void writeString(String s) {
    int n = s.length();
    if (len + n + 2 > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n + 2));
    }
    // Printable ASCII, most of what is written, straight into the buffer, which has room for it
    byte[] b = buf;
    int p = len;
    b[p++] = '"';
    int i = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\') {
        break;
      }
      b[p++] = (byte) c;
    }
    len = p;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          put((byte) c);
        } else {
          escape(c);
        }
      } else if (c < 0x800) {
        put((byte) (0xc0 | (c >> 6)));
        put((byte) (0x80 | (c & 0x3f)));
      } else if (Character.isSurrogate(c)) {
        checkArgument(
            Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1)),
            "string holds a lone surrogate at index %s; canonical JSON needs well-formed Unicode",
            i);
        int cp = Character.toCodePoint(c, s.charAt(++i));
        put((byte) (0xf0 | (cp >> 18)));
        put((byte) (0x80 | ((cp >> 12) & 0x3f)));
        put((byte) (0x80 | ((cp >> 6) & 0x3f)));
        put((byte) (0x80 | (cp & 0x3f)));
      } else {
        put((byte) (0xe0 | (c >> 12)));
        put((byte) (0x80 | ((c >> 6) & 0x3f)));
        put((byte) (0x80 | (c & 0x3f)));
      }
    }
    put((byte) '"');
  }

  private void escape(char c) {
    put((byte) '\\');
    switch (c) {
      case '"' -> put((byte) '"');
      case '\\' -> put((byte) '\\');
      case '\b' -> put((byte) 'b');
      case '\f' -> put((byte) 'f');
      case '\n' -> put((byte) 'n');
      case '\r' -> put((byte) 'r');
      case '\t' -> put((byte) 't');
      default -> {
        put((byte) 'u');
        put((byte) '0');
        put((byte) '0');
        put(HEX[(c >> 4) & 0xf]);
        put(HEX[c & 0xf]);
      }
    }
  }

  private void writeDigits(long n) {
    if (len + 20 > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + 20));
    }
    if (n < 0) {
      buf[len++] = '-';
      n = -n; // within the safe range, so never Long.MIN_VALUE
    }
    int digits = 1;
    for (long t = n; t >= 10; t /= 10) {
      digits++;
    }
    for (int i = len + digits - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + n % 10);
      n /= 10;
    }
    len += digits;
  }

  private void writeAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      put((byte) s.charAt(i));
    }
  }

  private void put(byte b) {
    if (len == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    buf[len++] = b;
  }
}
