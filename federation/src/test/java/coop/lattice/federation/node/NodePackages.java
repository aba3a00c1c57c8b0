package coop.lattice.federation.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The npm packages a test needs (the Fedify peers, axe-core): the {@code package.json} in
 * src/test/peers/FOLDER is installed into target/FOLDER-peer on first use, and again when it
 * changes, so that {@code mvn verify} runs them on a fresh machine with Node.js and npm.
 */
final class NodePackages {
  private NodePackages() {}

  /** target/{@code folder}-peer with the packages of src/test/peers/{@code folder} installed; {@code installed} is a path that shows they are. */
  static Path install(String folder, String installed) throws Exception {
    Path source = Path.of("src/test/peers", folder);
    Path dir = Path.of("target", folder + "-peer");
    Files.createDirectories(dir);
    Path manifest = dir.resolve("package.json");
    byte[] installedFor = Files.exists(manifest) ? Files.readAllBytes(manifest) : new byte[0];
    try (Stream<Path> files = Files.list(source)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    if (!Files.exists(dir.resolve(installed)) || !Arrays.equals(installedFor, Files.readAllBytes(manifest))) {
      Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund").directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(dir.resolve("npm-install.log").toFile()).start();
      if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        npm.destroyForcibly();
        throw new IllegalStateException("npm install failed; see " + dir.resolve("npm-install.log"));
      }
    }
    return dir;
  }
}
