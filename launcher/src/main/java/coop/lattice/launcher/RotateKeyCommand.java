package coop.lattice.launcher;

import coop.lattice.MemberId;
import coop.lattice.Progress;
import coop.lattice.collective.Collective;
import coop.lattice.launcher.config.KeyFiles;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.CollectiveSecret;
import coop.lattice.ledger.Entry;
import coop.lattice.store.FileJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lattice rotate-key DIR --key FILE --new-key NEW --secret SECRET --by MEMBER}: rotates the
 * signing key of the collective whose journal is in DIR ({@code LedgerKeys.rotate}): the new key is
 * written first (owner-only), then the change, signed by the key in force and the new one, and a
 * checkpoint signed by the new key. The collective's secret stays: if SECRET does not exist, the
 * collective was founded with one key, and that key's seed is written there as its secret. Stop the
 * node first; then point its {@code key-file} at NEW and its {@code secret-file} at SECRET.
 */
@Command(name = "rotate-key", mixinStandardHelpOptions = true,
    description = {"Rotates the ledger key of the collective whose journal is in DIR: the key in force and the new"
        + " one sign the change, and the new one signs from then on. The collective's secret does not change.",
        "Stop the node that uses DIR first."})
final class RotateKeyCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The collective's journal.")
  Path dir;

  @Option(names = "--key", required = true, paramLabel = "FILE", description = "The key in force (its key file).")
  Path keyFile;

  @Option(names = "--new-key", required = true, paramLabel = "NEW", description = "Where the new key goes (a new file).")
  Path newKeyFile;

  @Option(names = "--secret", required = true, paramLabel = "SECRET",
      description = "The collective's secret file; made from the key in force if it does not exist.")
  Path secretFile;

  @Option(names = "--by", required = true, paramLabel = "MEMBER", description = "The member who records the rotation.")
  String by;

  @Override
  public Integer call() {
    Journals.requireJournal(dir);
    if (Files.exists(newKeyFile)) {
      throw new LauncherException(newKeyFile + " exists: name a new file for the new key, so that no key is overwritten");
    }
    CollectiveKey key;
    CollectiveSecret secret;
    try {
      key = KeyFiles.read(keyFile);
      secret = Files.exists(secretFile) ? KeyFiles.readOrCreateSecret(secretFile) : null;
    } catch (IllegalArgumentException e) {
      throw new LauncherException(e.getMessage());
    }
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = secret == null ? Collective.open(journal, key, Clock.systemUTC())
          : Collective.open(journal, secret, key, Clock.systemUTC(), Progress.none());
      if (secret == null) {
        KeyFiles.write(secretFile, CollectiveSecret.of(key).bytes()); // founded with one key: its seed is the secret
      }
      CollectiveKey next = CollectiveKey.generate();
      KeyFiles.write(newKeyFile, next.seed()); // kept before anything depends on it
      Entry rotated = coop.ledgerKeys().rotate(MemberId.of(by), next);
      System.out.println("rotated the ledger key of " + coop.id() + " at entry " + rotated.sequence() + " to "
          + next.verificationKey() + "; checkpoints are signed by it from entry " + (rotated.sequence() + 1)
          + ". Set key-file: " + newKeyFile + " and secret-file: " + secretFile + " in the configuration, and keep "
          + keyFile + " until partners have the change.");
    }
    return 0;
  }
}
