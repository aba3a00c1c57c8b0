package coop.lattice.store;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkPositionIndexes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Records packed into 256 KiB arenas with an offset table, so a million small entries cost their
 * bytes plus about 12 bytes each rather than an object header per record.
 */
final class InMemoryStore implements LedgerStore {
  /** 256 KiB: under G1's humongous threshold (half a 1 MiB region), so arenas pack regions fully. */
  private static final int ARENA = 1 << 18;

  private final Object writeLock = new Object();
  private volatile byte[][] arenas = new byte[0][];
  /** For record i: arena index (high 20 bits) and offset (low 44 bits) of its start; its length. */
  private volatile long[] starts = new long[1024];
  private volatile int[] lengths = new int[1024];
  private volatile long size;
  private int arenaUsed = ARENA; // forces a new arena on first append
  private volatile @Nullable StoredCheckpoint checkpoint;
  private boolean closed;
  private final PrivateArea privateArea = new HeapArea();

  @Override
  public long size() {
    return size;
  }

  @Override
  public void append(List<byte[]> records) {
    synchronized (writeLock) {
      if (closed) {
        throw new IllegalStateException("the store is closed");
      }
      long n = size;
      checkArgument(n + records.size() < Integer.MAX_VALUE, "an in-memory store holds at most 2^31 - 1 records");
      long[] s = starts;
      int[] l = lengths;
      if (n + records.size() > s.length) {
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(s.length * 2L, n + records.size()));
        s = Arrays.copyOf(s, cap);
        l = Arrays.copyOf(l, cap);
      }
      for (byte[] r : records) {
        byte[] arena = place(r.length);
        System.arraycopy(r, 0, arena, arenaUsed, r.length);
        s[(int) n] = ((long) (arenas.length - 1) << 44) | arenaUsed;
        l[(int) n] = r.length;
        arenaUsed += r.length;
        n++;
      }
      starts = s;
      lengths = l;
      size = n; // publish last: readers never see a record before its bytes
    }
  }

  private byte[] place(int length) {
    if (ARENA - arenaUsed >= length) {
      return arenas[arenas.length - 1];
    }
    byte[][] a = Arrays.copyOf(arenas, arenas.length + 1);
    a[a.length - 1] = new byte[Math.max(ARENA, length)];
    arenas = a;
    arenaUsed = 0;
    return a[a.length - 1];
  }

  @Override
  public void sync() {
    // Nothing to make durable: the heap is all there is.
  }

  @Override
  public byte[] read(long index) {
    Objects.checkIndex(index, size);
    long start = starts[(int) index];
    byte[] arena = arenas[(int) (start >>> 44)];
    int off = (int) (start & ((1L << 44) - 1));
    return Arrays.copyOfRange(arena, off, off + lengths[(int) index]);
  }

  @Override
  public List<byte[]> read(long from, long to) {
    checkPositionIndexes((int) from, (int) to, (int) size);
    List<byte[]> out = new ArrayList<>((int) (to - from));
    for (long i = from; i < to; i++) {
      out.add(read(i));
    }
    return out;
  }

  @Override
  public Optional<StoredCheckpoint> checkpoint() {
    return Optional.ofNullable(checkpoint);
  }

  @Override
  public void writeCheckpoint(long size, byte[] signedCheckpoint) {
    checkArgument(size >= 0 && size <= this.size, "checkpoint size %s outside 0..%s", size, this.size);
    checkpoint = new StoredCheckpoint(size, signedCheckpoint);
  }

  @Override
  public Optional<Damage> damage() {
    return Optional.empty();
  }

  @Override
  public void truncate(long newSize) {
    synchronized (writeLock) {
      checkArgument(newSize >= 0 && newSize <= size, "cannot truncate %s records to %s", size, newSize);
      size = newSize;
      StoredCheckpoint c = checkpoint;
      if (c != null && c.size() > newSize) {
        checkpoint = null;
      }
    }
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      closed = true;
    }
  }

  @Override
  public PrivateArea privateArea() {
    return privateArea;
  }

  /** Private files in the heap, kept as long as the store: a collective reopened on it finds them. */
  private static final class HeapArea implements PrivateArea {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public Optional<byte[]> read(String name) {
      return Optional.ofNullable(files.get(PrivateArea.checkName(name))).map(byte[]::clone);
    }

    @Override
    public void write(String name, byte[] content) {
      files.put(PrivateArea.checkName(name), content.clone());
    }

    @Override
    public void delete(String name) {
      files.remove(PrivateArea.checkName(name));
    }

    @Override
    public List<String> names() {
      return files.keySet().stream().sorted().toList();
    }
  }
}
