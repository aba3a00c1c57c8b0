package coop.lattice.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptedLinesTest {
  private static final Instant OPENED = Instant.parse("2026-12-01T10:00:00Z");

  /**
   * Compaction keeps the activities inside the retention: an activity line as it was written
   * (byte for byte, tabs in its JSON included), a line from before times were kept with the time
   * the log was opened, which is when it counts as accepted.
   */
  @Test
  void compactionKeepsActivityLinesAsWrittenAndGivesOldOnesTheirTime() {
    // written by hand with a leading zero in its time: kept as written, not read and written again
    String written = "a\t0" + OPENED.plusSeconds(5).toEpochMilli() + "\thttps://x.example/a/1\t{\"id\":\t\"https://x.example/a/1\"}";
    String old = "https://x.example/a/0\t{\"id\":\"https://x.example/a/0\"}";
    assertThat(AcceptedLines.live(List.of(old, written), OPENED.minusSeconds(60), OPENED)).containsExactly(
        "a\t" + OPENED.toEpochMilli() + "\thttps://x.example/a/0\t{\"id\":\"https://x.example/a/0\"}", written);
  }
}
