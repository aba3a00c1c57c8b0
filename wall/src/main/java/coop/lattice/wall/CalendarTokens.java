package coop.lattice.wall;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.store.PrivateFiles;
import com.google.common.hash.Hashing;
import com.google.common.io.BaseEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The unguessable tokens behind members' private calendar feeds: 160 random bits each, written in
 * lowercase base32. A member has at most one at a time: issuing a new one revokes the old, and a
 * revoked or wrong token finds nobody (the node answers 404, the same as for a member who does not
 * exist). Only the tokens' SHA-256 is kept, so nothing here can be read back into a working
 * address.
 *
 * <p>Kept in a file when the wall was given one ({@link Wall#create(java.time.Clock,
 * java.time.ZoneId, Path)}; a node gives its own {@code calendar-tokens}): one line per live token,
 * {@code digest collective member} (tab-separated), rewritten whole on every change, readable by
 * its owner only and renamed into place only once on disk, so a token a member was given keeps
 * working after the node restarts, and one revoked stays revoked. A change that cannot be written
 * changes nothing and throws {@link WallException}. Without a file, tokens live as long as the
 * wall. Thread-safe.
 *
 * <pre>{@code
 * String token = wall.calendarTokens().issue(coop.id(), ana);
 * String address = actor + "/calendar/" + token + ".ics";   // give it to Ana only
 * }</pre>
 */
public final class CalendarTokens {
  private static final BaseEncoding BASE32 = BaseEncoding.base32().lowerCase().omitPadding();

  private record Holder(CollectiveId collective, MemberId member) {}

  private final SecureRandom random;
  private final @Nullable Path file;
  /** Replaced whole under the lock, read without it. */
  private volatile Map<String, Holder> byDigest;

  CalendarTokens(SecureRandom random, @Nullable Path file) {
    this.random = random;
    this.file = file;
    this.byDigest = file == null ? Map.of() : read(file);
  }

  /** A new token for {@code member} of {@code collective}; any token they had stops working. */
  public synchronized String issue(CollectiveId collective, MemberId member) {
    byte[] bytes = new byte[20];
    random.nextBytes(bytes);
    String token = BASE32.encode(bytes);
    Map<String, Holder> next = without(collective, member);
    next.put(digest(token), new Holder(collective, member));
    keep(next);
    return token;
  }

  /** {@code member}'s token stops working; nothing happens if they had none. */
  public synchronized void revoke(CollectiveId collective, MemberId member) {
    Map<String, Holder> next = without(collective, member);
    if (next.size() != byDigest.size()) {
      keep(next);
    }
  }

  /** The member whose token this is in {@code collective}, if it is a live one. */
  public Optional<MemberId> member(CollectiveId collective, String token) {
    Holder h = byDigest.get(digest(token));
    return h != null && h.collective().equals(collective) ? Optional.of(h.member()) : Optional.empty();
  }

  private Map<String, Holder> without(CollectiveId collective, MemberId member) {
    Holder gone = new Holder(collective, member);
    Map<String, Holder> next = new HashMap<>(byDigest);
    next.values().removeIf(gone::equals);
    return next;
  }

  /** Writes {@code next} to the file if there is one, then makes it the live set. */
  private void keep(Map<String, Holder> next) {
    if (file != null) {
      StringBuilder lines = new StringBuilder();
      new TreeMap<>(next).forEach((digest, h) -> lines.append(digest).append('\t').append(h.collective().value())
          .append('\t').append(h.member().value()).append('\n'));
      try {
        PrivateFiles.write(file, lines.toString().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new WallException("Could not keep the calendar tokens in " + file + " (" + e.getMessage()
            + "): nothing was issued or revoked. Make the node's directory writable and try again.", e);
      }
    }
    byDigest = Map.copyOf(next);
  }

  private static Map<String, Holder> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw new WallException("Could not read the calendar tokens in " + file + ": " + e.getMessage(), e);
    }
    Map<String, Holder> tokens = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", -1);
      if (f.length != 3 || !f[0].matches("[0-9a-f]{64}")) {
        throw new WallException("Line " + (i + 1) + " of " + file + " is not 'digest<TAB>collective<TAB>member'"
            + " with a SHA-256 digest in hexadecimal. Restore the file from a backup, or delete it to revoke every"
            + " member's calendar token (members then ask for new ones).");
      }
      try {
        tokens.put(f[0], new Holder(CollectiveId.of(f[1]), MemberId.of(f[2])));
      } catch (RuntimeException e) {
        throw new WallException("Line " + (i + 1) + " of " + file + " names no valid collective and member ("
            + e.getMessage() + "). Restore the file from a backup, or delete it to revoke every member's calendar"
            + " token.", e);
      }
    }
    return tokens;
  }

  private static String digest(String token) {
    return Hashing.sha256().hashString(token, StandardCharsets.UTF_8).toString();
  }
}
