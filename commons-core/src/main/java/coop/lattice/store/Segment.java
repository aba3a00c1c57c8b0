package coop.lattice.store;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** One open segment file of a {@link FileJournal}: its first record's index and where its good records end. */
final class Segment {
  final Path file;
  final long first;
  final FileChannel channel;
  long end;

  Segment(Path file, long first, FileChannel channel) {
    this.file = file;
    this.first = first;
    this.channel = channel;
  }

  /** Receives a record as bytes {@code offset..offset + len} of {@code map}, a mapped part of its segment. */
  @FunctionalInterface
  interface MappedRecord {
    void visit(long index, ByteBuffer map, int offset, int len);
  }
}
