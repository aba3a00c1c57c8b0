package coop.lattice.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;

/**
 * A direct-mapped cache of string-wrapping records ({@code MemberId}, {@code CollectiveId}, ...)
 * by their type and the bytes of their string, one per thread, for {@link CanonicalReader}: a
 * ledger names the same few members in entry after entry, and each would otherwise be made and
 * validated again every time. Such records are values, so a shared instance is as good as a new
 * one; a record whose constructor refuses the string is not cached (the refusal propagates).
 */
final class Wrappers {
  /** Longest string cached, in bytes; identifiers have at most 64 characters. */
  static final int MAX_BYTES = 64;
  private static final int SLOTS = 1024;
  private static final ThreadLocal<Wrappers> PER_THREAD = ThreadLocal.withInitial(Wrappers::new);

  private final byte[][] keys = new byte[SLOTS][];
  private final Class<?>[] types = new Class<?>[SLOTS];
  private final Object[] values = new Object[SLOTS];

  private Wrappers() {}

  static Wrappers forThisThread() {
    return PER_THREAD.get();
  }

  /** The record of {@code shape} wrapping the string in bytes {@code from..to} of {@code in} (UTF-8, no escapes). */
  Object get(RecordShape shape, byte[] in, int from, int to) {
    int h = shape.type.hashCode();
    for (int i = from; i < to; i++) {
      h = 31 * h + in[i];
    }
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    byte[] key = keys[slot];
    if (key != null && types[slot] == shape.type && RecordShape.Member.equal(in, from, to, key)) {
      return values[slot];
    }
    Object v = shape.construct(new Object[] {new String(in, from, to - from, UTF_8)});
    keys[slot] = Arrays.copyOfRange(in, from, to);
    types[slot] = shape.type;
    values[slot] = v;
    return v;
  }
}
