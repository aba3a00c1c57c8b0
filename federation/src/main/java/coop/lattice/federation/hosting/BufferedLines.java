package coop.lattice.federation.hosting;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A log's lines read and written a buffer at a time, so that replaying or compacting a log takes
 * memory for its longest line, not for the whole file. A line ends at {@code '\n'} and nothing
 * else; empty lines are passed over.
 */
final class BufferedLines {
  private static final int BUFFER = 64 << 10;

  private BufferedLines() {}

  /** Hands each line of the first {@code size} bytes of {@code channel} to {@code each}, in order. */
  static void each(FileChannel channel, long size, Consumer<String> each) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(BUFFER);
    byte[] line = new byte[256];
    int length = 0;
    long position = 0;
    while (position < size) {
      buf.clear().limit((int) Math.min(BUFFER, size - position));
      int n = channel.read(buf, position);
      if (n < 0) {
        break; // the file is shorter than the size written: what is there is read
      }
      position += n;
      byte[] b = buf.array();
      int from = 0;
      for (int i = 0; i < n; i++) {
        if (b[i] != '\n') {
          continue;
        }
        int part = i - from;
        if (length == 0) {
          if (part > 0) {
            each.accept(new String(b, from, part, StandardCharsets.UTF_8));
          }
        } else {
          line = append(line, length, b, from, part);
          each.accept(new String(line, 0, length + part, StandardCharsets.UTF_8));
          length = 0;
        }
        from = i + 1;
      }
      line = append(line, length, b, from, n - from); // the start of a line the next read ends
      length += n - from;
    }
  }

  private static byte[] append(byte[] line, int length, byte[] b, int from, int count) {
    byte[] into = length + count <= line.length ? line : Arrays.copyOf(line, Math.max(2 * line.length, length + count));
    System.arraycopy(b, from, into, length, count);
    return into;
  }

  /** Writes lines, each with its line break, through a buffer; counts the bytes written. */
  static final class Writer implements AutoCloseable {
    private final OutputStream out;
    private long bytes;

    Writer(FileChannel channel) {
      this.out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
    }

    /** Writes {@code line} and its line break. */
    void line(String line) {
      byte[] b = line.getBytes(StandardCharsets.UTF_8);
      try {
        out.write(b);
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bytes += b.length + 1;
    }

    long bytes() {
      return bytes;
    }

    /** Writes what the buffer holds; the channel stays open, for its owner to force and close. */
    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
