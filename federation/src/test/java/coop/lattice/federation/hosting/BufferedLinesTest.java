package coop.lattice.federation.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a log a buffer at a time gives the lines reading it whole gives, and writing them back gives the file. */
class BufferedLinesTest {
  @TempDir Path dir;

  @Test
  void linesAcrossBuffersLongerThanABufferAndSplitCharactersReadAsWritten() throws IOException {
    Random random = new Random(20261202L);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      int length = i % 50 == 7 ? 70_000 + random.nextInt(200_000) : random.nextInt(3_000); // some past a buffer
      for (int c = 0; c < length; c++) {
        int kind = random.nextInt(10);
        // ASCII mostly; two-, three- and four-byte characters to fall across buffer edges
        text.appendCodePoint(kind < 7 ? 32 + random.nextInt(95) : kind == 7 ? 0xE9 : kind == 8 ? 0x20AC : 0x1F955);
      }
      text.append('\n');
      if (i % 37 == 0) {
        text.append('\n'); // an empty line, passed over
      }
    }
    text.append("a last line the writer did not finish");
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("log");
    Files.write(file, bytes);

    List<String> read = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      BufferedLines.each(ch, bytes.length, read::add);
    }
    String whole = text.substring(0, text.lastIndexOf("\n") + 1);
    List<String> expected = Arrays.stream(whole.split("\n")).filter(l -> !l.isEmpty()).toList();
    assertThat(read).hasSize(400).isEqualTo(expected);

    Path copy = dir.resolve("copy");
    long written;
    try (FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      try (BufferedLines.Writer w = new BufferedLines.Writer(out)) {
        read.forEach(w::line);
        written = w.bytes();
      }
    }
    byte[] again = Files.readAllBytes(copy);
    assertThat(written).isEqualTo(again.length);
    assertThat(new String(again, StandardCharsets.UTF_8)).isEqualTo(String.join("\n", expected) + "\n");
  }

  @Test
  void onlyTheBytesWrittenAreRead() throws IOException {
    Path file = dir.resolve("log");
    Files.writeString(file, "one\ntwo\nthree\n");
    List<String> read = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      BufferedLines.each(ch, 8, read::add); // "one\ntwo\n": what a writer had made durable
    }
    assertThat(read).containsExactly("one", "two");
  }
}
