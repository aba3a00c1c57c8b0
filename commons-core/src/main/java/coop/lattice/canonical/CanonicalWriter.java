package coop.lattice.canonical;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
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
  /** One frame per open container: the last member name written (objects) or a marker (arrays). */
  private final ArrayDeque<Frame> stack = new ArrayDeque<>();
  private boolean expectValue = true; // top level expects exactly one value
  private boolean done;

  public CanonicalWriter() {
    this(256);
  }

  public CanonicalWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  private static final class Frame {
    final boolean object;
    @Nullable String lastName;
    boolean first = true;

    Frame(boolean object) {
      this.object = object;
    }
  }

  public CanonicalWriter beginObject() {
    beforeValue();
    put((byte) '{');
    stack.push(new Frame(true));
    expectValue = false;
    return this;
  }

  public CanonicalWriter endObject() {
    Frame f = stack.peek();
    checkState(f != null && f.object && !expectValue, "endObject() without a matching beginObject()");
    stack.pop();
    put((byte) '}');
    afterValue();
    return this;
  }

  public CanonicalWriter beginArray() {
    beforeValue();
    put((byte) '[');
    stack.push(new Frame(false));
    expectValue = true;
    return this;
  }

  public CanonicalWriter endArray() {
    Frame f = stack.peek();
    checkState(f != null && !f.object, "endArray() without a matching beginArray()");
    stack.pop();
    put((byte) ']');
    afterValue();
    return this;
  }

  /**
   * Writes a member name. Names must come in strictly ascending {@link String#compareTo} order
   * within one object, as RFC 8785 section 3.2.3 requires.
   */
  public CanonicalWriter name(String name) {
    Frame f = stack.peek();
    checkState(f != null && f.object && !expectValue, "name() outside an object or where a value is due");
    if (f.lastName != null) {
      checkArgument(
          f.lastName.compareTo(name) < 0,
          "member names out of canonical order: \"%s\" after \"%s\"",
          name,
          f.lastName);
    }
    if (!f.first) {
      put((byte) ',');
    }
    f.first = false;
    f.lastName = name;
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
    writeAscii(Long.toString(n));
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
    checkState(done, "the document is not complete: %s container(s) still open", stack.size());
    return Arrays.copyOf(buf, len);
  }

  /** Resets the writer so that it can write another document, keeping its buffer. */
  public CanonicalWriter reset() {
    len = 0;
    stack.clear();
    expectValue = true;
    done = false;
    return this;
  }

  private void beforeValue() {
    checkState(!done, "a canonical document holds exactly one top-level value");
    Frame f = stack.peek();
    if (f == null) {
      return;
    }
    if (f.object) {
      checkState(expectValue, "an object member needs name() before its value");
    } else {
      if (!f.first) {
        put((byte) ',');
      }
      f.first = false;
    }
  }

  private void afterValue() {
    Frame f = stack.peek();
    if (f == null) {
      done = true;
    } else if (f.object) {
      expectValue = false;
    }
  }

  private void writeString(String s) {
    put((byte) '"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
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
