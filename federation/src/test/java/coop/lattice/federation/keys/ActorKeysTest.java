package coop.lattice.federation.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key file is private to its owner: written 0600, and refused when others could read it. */
class ActorKeysTest {
  @TempDir Path dir;
  Path file;

  @BeforeEach
  void posixOnly() {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
    file = dir.resolve("food").resolve("keys.properties");
  }

  @Test
  void aNewKeyFileIsReadableByItsOwnerOnly() throws IOException {
    ActorKeys.loadOrCreate(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(file.resolveSibling("keys.properties.tmp")).doesNotExist();
  }

  @Test
  void aRotationReplacesTheFileAndKeepsItPrivateEvenOverALeftoverTempFile() throws IOException {
    ActorKeys first = ActorKeys.loadOrCreate(file);
    Path tmp = file.resolveSibling("keys.properties.tmp");
    Files.writeString(tmp, "half a key from a crash");
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));

    ActorKeys rotated = ActorKeys.create(file);

    assertThat(rotated.ed25519Public()).isNotEqualTo(first.ed25519Public());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(ActorKeys.loadOrCreate(file).ed25519Public()).isEqualTo(rotated.ed25519Public());
  }

  @Test
  void aKeyFileOthersCanReadIsRefusedWithTheFix() throws IOException {
    ActorKeys made = ActorKeys.loadOrCreate(file);
    for (String exposed : new String[] {"rw-r--r--", "rw-r-----", "rw----r--", "rw-rw----"}) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(exposed));
      assertThatThrownBy(() -> ActorKeys.loadOrCreate(file))
          .as(exposed)
          .isInstanceOfSatisfying(KeyFileExposedException.class, e -> assertThat(e.file()).isEqualTo(file))
          .hasMessageContaining(file.toString())
          .hasMessageContaining(exposed)
          .hasMessageContaining("chmod 600 " + file);
    }
    byte[] untouched = Files.readAllBytes(file);

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(ActorKeys.loadOrCreate(file).rsaPublic()).isEqualTo(made.rsaPublic());
    assertThat(Files.readAllBytes(file)).as("a refusal changes nothing").isEqualTo(untouched);
  }

  @Test
  void anOwnerReadOnlyKeyFileLoads() throws IOException {
    ActorKeys made = ActorKeys.loadOrCreate(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
    assertThat(ActorKeys.loadOrCreate(file).ed25519Public()).isEqualTo(made.ed25519Public());
  }
}
