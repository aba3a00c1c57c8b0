package coop.lattice.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A disk in memory that keeps only what was forced, for {@link FileJournal} over {@link
 * JournalFiles}, in the manner of SQLite's crash-test file system: what a process writes is
 * visible at once (the page cache), but reaches the disk only with {@code force}; a file
 * created, deleted or renamed stays so only once its directory is synced.
 *
 * <p>{@link #cutPowerAfter} arms a power cut: the n-th operation that changes anything (a write,
 * a truncation, a force, a file created, deleted or renamed, a directory synced) does not happen
 * and throws {@link PowerCut} instead. At that moment the disk keeps, per file, what was forced
 * plus a random prefix of what was written since (in the order it was written, the last write
 * torn at a random byte, and its torn part sometimes zeros: the size reached the disk, the data
 * did not), and of the directory changes since the last directory sync, a random prefix. Every
 * channel open at the cut is dead; what the next "process" opens sees only what survived. All
 * randomness comes from the {@link Random} given, so a seed replays a run exactly.
 */
final class PowerCutDisk implements JournalFiles {
  /** The power failed: thrown by the operation that was cut, and by any later use of a dead channel. */
  static final class PowerCut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PowerCut(String what) {
      super("power cut at " + what);
    }
  }

  private final Random random;
  /** What the running process sees: name to file. */
  private final Map<String, Inode> names = new TreeMap<>();
  /** What the disk holds. */
  private final Map<String, Inode> durableNames = new TreeMap<>();
  /** Directory changes since the last directory sync, in order. */
  private final List<NameChange> pendingNames = new ArrayList<>();
  private final List<Inode> inodes = new ArrayList<>();
  private int generation;
  private long opsUntilCut = Long.MAX_VALUE;
  private int cuts;
  private int tornWrites;

  PowerCutDisk(Random random) {
    this.random = random;
  }

  /** The {@code n}-th operation that changes anything from now (1 = the next) is cut. */
  void cutPowerAfter(long n) {
    opsUntilCut = n;
  }

  /** No cut pending. */
  void disarm() {
    opsUntilCut = Long.MAX_VALUE;
  }

  int cuts() {
    return cuts;
  }

  /** Cuts that left a write torn inside (not at one of its ends). */
  int tornWrites() {
    return tornWrites;
  }

  private void tick(String what) {
    if (--opsUntilCut <= 0) {
      cut();
      throw new PowerCut(what);
    }
  }

  /** The power fails: the disk keeps what was forced and a random prefix of the rest. */
  private void cut() {
    cuts++;
    opsUntilCut = Long.MAX_VALUE;
    int keptNames = random.nextInt(pendingNames.size() + 1);
    for (NameChange c : pendingNames.subList(0, keptNames)) {
      c.applyTo(durableNames);
    }
    pendingNames.clear();
    names.clear();
    names.putAll(durableNames);
    for (Inode f : inodes) {
      f.survive(random);
    }
    inodes.removeIf(f -> !names.containsValue(f));
    generation++;
  }

  // ------------------------------------------------------------------------------- JournalFiles

  @Override
  public FileChannel open(Path file, OpenOption... options) throws IOException {
    Set<OpenOption> o = Set.of(options);
    String name = file.toString();
    Inode f = names.get(name);
    if (f != null && o.contains(StandardOpenOption.CREATE_NEW)) {
      throw new FileAlreadyExistsException(name);
    }
    if (f == null) {
      if (!o.contains(StandardOpenOption.CREATE) && !o.contains(StandardOpenOption.CREATE_NEW)) {
        throw new NoSuchFileException(name);
      }
      tick("creating " + file.getFileName());
      f = new Inode();
      inodes.add(f);
      names.put(name, f);
      pendingNames.add(new NameChange(name, null, f));
    }
    boolean write = o.contains(StandardOpenOption.WRITE);
    Channel ch = new Channel(f, file.getFileName().toString(), write);
    if (write && o.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.truncate(0);
    }
    return ch;
  }

  @Override
  public ByteBuffer map(FileChannel channel, long position, long size) {
    Channel ch = (Channel) channel;
    ch.alive();
    return ByteBuffer.wrap(Arrays.copyOfRange(ch.file.current, (int) position, (int) (position + size)))
        .asReadOnlyBuffer();
  }

  @Override
  public List<Path> list(Path dir, String glob) {
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    List<Path> out = new ArrayList<>();
    for (String name : names.keySet()) {
      Path p = Path.of(name);
      if (dir.equals(p.getParent()) && m.matches(p.getFileName())) {
        out.add(p);
      }
    }
    return out;
  }

  @Override
  public boolean exists(Path file) {
    return names.containsKey(file.toString());
  }

  @Override
  public long size(Path file) throws IOException {
    Inode f = names.get(file.toString());
    if (f == null) {
      throw new NoSuchFileException(file.toString());
    }
    return f.current.length;
  }

  @Override
  public boolean deleteIfExists(Path file) {
    if (!names.containsKey(file.toString())) {
      return false;
    }
    tick("deleting " + file.getFileName());
    names.remove(file.toString());
    pendingNames.add(new NameChange(file.toString(), null, null));
    return true;
  }

  @Override
  public void rename(Path from, Path to) throws IOException {
    Inode f = names.get(from.toString());
    if (f == null) {
      throw new NoSuchFileException(from.toString());
    }
    tick("renaming " + from.getFileName() + " to " + to.getFileName());
    names.remove(from.toString());
    names.put(to.toString(), f);
    pendingNames.add(new NameChange(to.toString(), from.toString(), f));
  }

  @Override
  public void syncDirectory(Path dir) {
    tick("syncing the directory");
    for (NameChange c : pendingNames) {
      c.applyTo(durableNames);
    }
    pendingNames.clear();
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    Files.createDirectories(dir); // the real one, for the journal's lock file
  }

  // ------------------------------------------------------------------------------------ files

  /**
   * A change to the directory: {@code name} now names {@code file} (created, or renamed from
   * {@code from}), or, with a null file, names nothing (deleted).
   */
  private record NameChange(String name, String from, Inode file) {
    void applyTo(Map<String, Inode> dir) {
      if (from != null) {
        dir.remove(from);
      }
      if (file == null) {
        dir.remove(name);
      } else {
        dir.put(name, file);
      }
    }
  }

  /** A write or a truncation not yet forced: {@code bytes} at {@code at}, or, with null bytes, a cut to {@code at}. */
  private record Change(long at, byte[] bytes) {}

  private final class Inode {
    byte[] current = new byte[0];
    byte[] durable = new byte[0];
    final List<Change> pending = new ArrayList<>();

    void write(long at, byte[] bytes) {
      current = put(current, at, bytes);
      pending.add(new Change(at, bytes));
    }

    void truncate(long size) {
      if (size < current.length) {
        current = Arrays.copyOf(current, (int) size);
        pending.add(new Change(size, null));
      }
    }

    void force() {
      durable = current.clone();
      pending.clear();
    }

    /** What the disk holds after a cut: the forced bytes and a prefix of the changes since. */
    void survive(Random random) {
      byte[] kept = durable;
      int n = random.nextInt(pending.size() + 1);
      for (int i = 0; i < n; i++) {
        Change c = pending.get(i);
        kept = c.bytes() == null ? Arrays.copyOf(kept, (int) Math.min(kept.length, c.at())) : put(kept, c.at(), c.bytes());
      }
      if (n < pending.size() && pending.get(n).bytes() != null && pending.get(n).bytes().length > 1) {
        Change torn = pending.get(n);
        int part = 1 + random.nextInt(torn.bytes().length - 1);
        byte[] prefix = random.nextInt(4) == 0 ? new byte[part] : Arrays.copyOf(torn.bytes(), part);
        kept = put(kept, torn.at(), prefix);
        tornWrites++;
      }
      current = kept;
      durable = kept.clone();
      pending.clear();
    }
  }

  private static byte[] put(byte[] into, long at, byte[] bytes) {
    byte[] out = into.length >= at + bytes.length ? into.clone() : Arrays.copyOf(into, (int) (at + bytes.length));
    System.arraycopy(bytes, 0, out, (int) at, bytes.length);
    return out;
  }

  /** An open file of one "process": dead after the power cut. */
  private final class Channel extends FileChannel {
    final Inode file;
    final String name;
    final boolean writable;
    final int born = generation;
    long position;

    Channel(Inode file, String name, boolean writable) {
      this.file = file;
      this.name = name;
      this.writable = writable;
    }

    void alive() {
      if (born != generation) {
        throw new PowerCut("a channel open before the last cut (" + name + ")");
      }
    }

    private void writable() throws IOException {
      alive();
      if (!writable) {
        throw new IOException(name + " is open read-only");
      }
    }

    @Override
    public int read(ByteBuffer dst, long at) {
      alive();
      if (at >= file.current.length) {
        return -1;
      }
      int n = (int) Math.min(dst.remaining(), file.current.length - at);
      dst.put(file.current, (int) at, n);
      return n;
    }

    @Override
    public int write(ByteBuffer src, long at) throws IOException {
      writable();
      tick("writing " + src.remaining() + " bytes to " + name);
      byte[] bytes = new byte[src.remaining()];
      src.get(bytes);
      file.write(at, bytes);
      return bytes.length;
    }

    @Override
    public long size() {
      alive();
      return file.current.length;
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      writable();
      tick("truncating " + name);
      file.truncate(size);
      position = Math.min(position, size);
      return this;
    }

    @Override
    public void force(boolean metaData) {
      alive();
      tick("forcing " + name);
      file.force();
    }

    @Override
    public int read(ByteBuffer dst) {
      int n = read(dst, position);
      if (n > 0) {
        position += n;
      }
      return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      int n = write(src, position);
      position += n;
      return n;
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public FileChannel position(long newPosition) {
      position = newPosition;
      return this;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long transferTo(long at, long count, WritableByteChannel target) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long at, long count) {
      throw new UnsupportedOperationException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long size) {
      throw new UnsupportedOperationException("through PowerCutDisk.map");
    }

    @Override
    public FileLock lock(long at, long size, boolean shared) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileLock tryLock(long at, long size, boolean shared) {
      throw new UnsupportedOperationException();
    }

    @Override
    protected void implCloseChannel() {
      // nothing to release; closing forces nothing
    }
  }
}
