package coop.lattice.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration that reads, and each kind of bad one refused with the file, the line and what to write. */
class ConfigFileTest {
  @TempDir
  Path dir;

  private static final String GOOD = """
      node:
        base-url: http://127.0.0.1:8080
        port: 8080
        directory: node-state
        allow: ["127.0.0.1:8081"]
      collectives:
        - id: riverside-food
          name: Riverside Food Co-op
          journal: riverside-ledger
          key-file: riverside.key
          founder: ana
          follow: ["http://127.0.0.1:8081/collectives/fixit"]
      """;

  private Path write(String text) throws Exception {
    Path f = dir.resolve("lattice.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void aGoodFileReadsWithPathsResolvedAgainstItsDirectory() throws Exception {
    LatticeConfig c = ConfigFile.read(write(GOOD));
    assertThat(c.node().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(c.node().port()).isEqualTo(8080);
    assertThat(c.node().listenOrDefault()).isEqualTo("127.0.0.1");
    assertThat(c.node().directory()).isEqualTo(dir.toAbsolutePath().resolve("node-state"));
    assertThat(c.collectives()).singleElement().satisfies(col -> {
      assertThat(col.id()).isEqualTo("riverside-food");
      assertThat(col.journal()).isEqualTo(dir.toAbsolutePath().resolve("riverside-ledger"));
      assertThat(col.followOrNone()).containsExactly(URI.create("http://127.0.0.1:8081/collectives/fixit"));
    });
  }

  @Test
  void anUnknownKeyIsNamedWithItsLineAndTheKeysKnownThere() throws Exception {
    Path f = write(GOOD.replace("    founder: ana", "    fonder: ana"));
    assertThatThrownBy(() -> ConfigFile.read(f)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(f + ", line 11: unknown key `fonder`")
        .hasMessageContaining("Did you mean `founder`?")
        .hasMessageContaining("key-file");
  }

  @Test
  void aValueOfTheWrongTypeSaysWhatToWrite() throws Exception {
    Path f = write(GOOD.replace("  port: 8080", "  port: eighty"));
    assertThatThrownBy(() -> ConfigFile.read(f)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(f + ", line 3: `port` cannot be `eighty`")
        .hasMessageContaining("a port number from 1 to 65535, such as `port: 8080`");
  }

  @Test
  void aMissingRequiredValueIsNamed() throws Exception {
    Path f = write(GOOD.replace("    journal: riverside-ledger\n", ""));
    assertThatThrownBy(() -> ConfigFile.read(f)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(f + ", line ")
        .hasMessageContaining("needs `journal`")
        .hasMessageContaining("such as `journal: riverside-ledger`");
  }

  @Test
  void aPortOutOfRangeIsRefusedOnItsLine() throws Exception {
    Path f = write(GOOD.replace("  port: 8080", "  port: 70000"));
    assertThatThrownBy(() -> ConfigFile.read(f)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(f + ", line 3: `port` cannot be 70000");
  }

  @Test
  void aPeerThatIsNotAnAddressIsRefused() throws Exception {
    Path f = write(GOOD.replace("[\"127.0.0.1:8081\"]", "[\"partner.example:8081\"]"));
    assertThatThrownBy(() -> ConfigFile.read(f)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(f + ", line 5: `allow` has `partner.example:8081`");
  }

  @Test
  void anUnreadableKeyFileIsNamed() throws Exception {
    Path key = dir.resolve("riverside.key");
    Files.writeString(key, "not a key at all");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Path f = write(GOOD);
    assertThatThrownBy(() -> ConfigFile.read(f)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(f + ", line 10: the key file of `riverside-food` cannot be used")
        .hasMessageContaining(key.toAbsolutePath() + " does not hold a key seed in base64");
  }

  @Test
  void aKeyFileOthersCanReadIsRefusedWithTheFix() throws Exception {
    Path key = dir.resolve("riverside.key");
    KeyFiles.readOrCreate(key);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    Path f = write(GOOD);
    assertThatThrownBy(() -> ConfigFile.read(f)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("can be read by others").hasMessageContaining("chmod 600 " + key.toAbsolutePath());
  }

  @Test
  void aCollectiveListedTwiceIsRefused() throws Exception {
    String twice = GOOD + """
          - id: riverside-food
            journal: other-ledger
            key-file: other.key
        """;
    Path f = write(twice);
    assertThatThrownBy(() -> ConfigFile.read(f)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(f + ", line 13: the collective `riverside-food` is listed twice");
  }

  @Test
  void brokenYamlSaysWhere() throws Exception {
    Path f = write("node:\n  base-url: \"http://127.0.0.1:8080\n  port: 8080\n");
    assertThatThrownBy(() -> ConfigFile.read(f)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(f + ", line ").hasMessageContaining("not valid YAML");
  }

  @Test
  void aMissingFileSaysWhatToGive() {
    Path f = dir.resolve("nowhere.yaml");
    assertThatThrownBy(() -> ConfigFile.read(f)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot read the configuration file " + f);
  }
}
