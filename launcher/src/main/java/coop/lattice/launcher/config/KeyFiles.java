package coop.lattice.launcher.config;

import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.CollectiveSecret;
import coop.lattice.store.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * A collective's signing key on disk: its 32-byte Ed25519 seed in base64, in a file only its owner
 * may read or write ({@link PrivateFiles}); and its secret, the same way ({@link CollectiveSecret}). A
 * file others can reach is refused, with the command that fixes it.
 */
public final class KeyFiles {
  private KeyFiles() {}

  /** Throws {@link IllegalArgumentException} saying why, if {@code file} exists and cannot be used. */
  static void check(Path file) {
    if (Files.exists(file)) {
      read(file);
    }
  }

  /** The key in {@code file}, or a new one written there (owner-only) if it does not exist. */
  public static CollectiveKey readOrCreate(Path file) {
    return Files.exists(file) ? read(file) : create(file);
  }

  /** The key in {@code file}, which must exist and be readable by its owner only. */
  public static CollectiveKey read(Path file) {
    return CollectiveKey.fromSeed(bytes(file));
  }

  /** The collective secret in {@code file}, or a new one written there (owner-only) if it does not exist. */
  public static CollectiveSecret readOrCreateSecret(Path file) {
    if (Files.exists(file)) {
      return CollectiveSecret.fromBytes(bytes(file));
    }
    CollectiveSecret secret = CollectiveSecret.generate();
    write(file, secret.bytes());
    return secret;
  }

  /** The 32 secret bytes in {@code file}, which must exist and be readable by its owner only. */
  private static byte[] bytes(Path file) {
    try {
      Optional<String> exposed = PrivateFiles.exposure(file);
      if (exposed.isPresent()) {
        throw new IllegalArgumentException(file + " can be " + exposed.get().replace(" (", " by others (")
            + "; make it readable by its owner only: chmod 600 " + file);
      }
      byte[] seed = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
      if (seed.length != 32) {
        throw new IllegalArgumentException(file + " holds " + seed.length + " bytes; a key seed is 32 bytes in base64");
      }
      return seed;
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(file + " cannot be read by this user; give it to the user that runs the node");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " cannot be read (" + e + ")");
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
        throw e;
      }
      throw new IllegalArgumentException(file + " does not hold a key seed in base64 (" + e.getMessage() + ")");
    }
  }

  private static CollectiveKey create(Path file) {
    CollectiveKey key = CollectiveKey.generate();
    write(file, key.seed());
    return key;
  }

  /** Writes {@code secret} (32 bytes) to {@code file} in base64, readable by its owner only; {@code file} must not exist. */
  public static void write(Path file, byte[] secret) {
    try {
      PrivateFiles.write(file, (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key file " + file, e);
    }
  }
}
