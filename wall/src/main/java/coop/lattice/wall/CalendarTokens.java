package coop.lattice.wall;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import com.google.common.hash.Hashing;
import com.google.common.io.BaseEncoding;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unguessable tokens behind members' private calendar feeds: 160 random bits each, written in
 * lowercase base32. A member has at most one at a time: issuing a new one revokes the old, and a
 * revoked or wrong token finds nobody (the node answers 404, the same as for a member who does not
 * exist). Only the tokens' SHA-256 is kept, so nothing here can be read back into a working
 * address. Held in memory: tokens are issued again after the node restarts. Thread-safe.
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
  private final Map<String, Holder> byDigest = new ConcurrentHashMap<>();
  private final Map<Holder, String> digests = new ConcurrentHashMap<>();

  CalendarTokens(SecureRandom random) {
    this.random = random;
  }

  /** A new token for {@code member} of {@code collective}; any token they had stops working. */
  public synchronized String issue(CollectiveId collective, MemberId member) {
    byte[] bytes = new byte[20];
    random.nextBytes(bytes);
    String token = BASE32.encode(bytes);
    revoke(collective, member);
    Holder h = new Holder(collective, member);
    String digest = digest(token);
    byDigest.put(digest, h);
    digests.put(h, digest);
    return token;
  }

  /** {@code member}'s token stops working; nothing happens if they had none. */
  public synchronized void revoke(CollectiveId collective, MemberId member) {
    String old = digests.remove(new Holder(collective, member));
    if (old != null) {
      byDigest.remove(old);
    }
  }

  /** The member whose token this is in {@code collective}, if it is a live one. */
  public Optional<MemberId> member(CollectiveId collective, String token) {
    Holder h = byDigest.get(digest(token));
    return h != null && h.collective().equals(collective) ? Optional.of(h.member()) : Optional.empty();
  }

  private static String digest(String token) {
    return Hashing.sha256().hashString(token, StandardCharsets.UTF_8).toString();
  }
}
