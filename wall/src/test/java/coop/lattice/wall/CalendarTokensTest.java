package coop.lattice.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.store.PrivateFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calendar tokens kept in a file: they outlive the wall that issued them, and only their digests are written. */
class CalendarTokensTest {
  static final CollectiveId RIVERSIDE = CollectiveId.of("riverside");
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");

  @TempDir Path dir;

  private CalendarTokens open() {
    return new CalendarTokens(new SecureRandom(), dir.resolve("calendar-tokens"));
  }

  @Test
  void aTokenWorksAfterReopeningAndARevokedOneStaysRevoked() throws Exception {
    CalendarTokens first = open();
    String ana = first.issue(RIVERSIDE, ANA);
    String bo = first.issue(RIVERSIDE, BO);
    String anaAgain = first.issue(RIVERSIDE, ANA);
    first.revoke(RIVERSIDE, BO);

    CalendarTokens reopened = open();
    assertThat(reopened.member(RIVERSIDE, anaAgain)).contains(ANA);
    assertThat(reopened.member(RIVERSIDE, ana)).as("issuing again revoked the first").isEmpty();
    assertThat(reopened.member(RIVERSIDE, bo)).as("revoked before the restart").isEmpty();
    assertThat(reopened.member(CollectiveId.of("fixit"), anaAgain)).isEmpty();

    Path file = dir.resolve("calendar-tokens");
    String written = Files.readString(file);
    assertThat(written).doesNotContain(ana, anaAgain, bo).hasLineCount(1).contains("\triverside\tana");
    assertThat(PrivateFiles.exposure(file)).as("readable by its owner only").isEmpty();
  }

  @Test
  void aWallWithoutAFileKeepsTokensInMemory() {
    CalendarTokens memory = new CalendarTokens(new SecureRandom(), null);
    String token = memory.issue(RIVERSIDE, ANA);
    assertThat(memory.member(RIVERSIDE, token)).contains(ANA);
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aDamagedFileIsRefusedWithTheLineAndWhatToDo() throws Exception {
    Path file = dir.resolve("calendar-tokens");
    Files.writeString(file, "0".repeat(64) + "\triverside\tana\nnot a token line\n", StandardCharsets.UTF_8);
    assertThatThrownBy(this::open).isInstanceOf(WallException.class)
        .hasMessageContaining("Line 2 of " + file).hasMessageContaining("delete it to revoke every");
  }

  @Test
  void aChangeThatCannotBeWrittenChangesNothing() throws Exception {
    CalendarTokens tokens = open();
    String ana = tokens.issue(RIVERSIDE, ANA);
    Path file = dir.resolve("calendar-tokens");
    String before = Files.readString(file);
    // The file's place becomes a directory with something in it: no rename can replace it.
    Files.delete(file);
    Files.createDirectories(file.resolve("in-the-way"));
    assertThatThrownBy(() -> tokens.issue(RIVERSIDE, BO)).isInstanceOf(WallException.class)
        .hasMessageContaining("nothing was issued or revoked");
    assertThatThrownBy(() -> tokens.revoke(RIVERSIDE, ANA)).isInstanceOf(WallException.class);
    assertThat(tokens.member(RIVERSIDE, ana)).as("the revocation that failed changed nothing").contains(ANA);
    assertThat(before).hasLineCount(1);
  }
}
