package coop.lattice.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.List;

/**
 * The real disk, written in small pieces: every positional write of a channel writes at most
 * {@code piece} bytes, so that one frame takes several system calls and a process killed while it
 * writes leaves a frame cut short, as a disk that writes a sector at a time would after a crash.
 * For {@code CrashWriter}, whose kills would otherwise land between whole writes.
 */
final class PiecewiseFiles implements JournalFiles {
  private final int piece;

  PiecewiseFiles(int piece) {
    this.piece = piece;
  }

  @Override
  public FileChannel open(Path file, OpenOption... options) throws IOException {
    return new Piecewise(DISK.open(file, options));
  }

  @Override
  public ByteBuffer map(FileChannel channel, long position, long size) throws IOException {
    return DISK.map(((Piecewise) channel).inner, position, size);
  }

  @Override
  public List<Path> list(Path dir, String glob) throws IOException {
    return DISK.list(dir, glob);
  }

  @Override
  public boolean exists(Path file) {
    return DISK.exists(file);
  }

  @Override
  public long size(Path file) throws IOException {
    return DISK.size(file);
  }

  @Override
  public boolean deleteIfExists(Path file) throws IOException {
    return DISK.deleteIfExists(file);
  }

  @Override
  public void rename(Path from, Path to) throws IOException {
    DISK.rename(from, to);
  }

  @Override
  public void syncDirectory(Path dir) throws IOException {
    DISK.syncDirectory(dir);
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    DISK.createDirectories(dir);
  }

  private final class Piecewise extends FileChannel {
    final FileChannel inner;

    Piecewise(FileChannel inner) {
      this.inner = inner;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      int limit = src.limit();
      src.limit(Math.min(limit, src.position() + piece));
      try {
        return inner.write(src, position);
      } finally {
        src.limit(limit);
      }
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return inner.read(dst, position);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return inner.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return inner.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      int n = write(src, inner.position());
      inner.position(inner.position() + n);
      return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long position() throws IOException {
      return inner.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      inner.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return inner.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      inner.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      inner.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
      return inner.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
      throw new UnsupportedOperationException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      return inner.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return inner.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return inner.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      inner.close();
    }
  }
}
