package coop.lattice.collective;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import coop.lattice.MemberId;
import coop.lattice.PrivateDataException;
import coop.lattice.canonical.CanonicalJson;
import coop.lattice.ledger.Appearance;
import coop.lattice.privacy.Pseudonyms;
import coop.lattice.privacy.Vault;
import coop.lattice.store.PrivateArea;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The collective's private profiles: for each member, the id the app knows them by, their number
 * (which their tags encrypt) and how they appear. Kept encrypted in the store's private area
 * ({@code profiles}, sealed by the collective's {@link Vault}) and never published: the open
 * ledger knows members only by their {@link Pseudonyms} and appearances only by their seals.
 * Each change rewrites the file whole, durably, before the entry it belongs to is appended.
 *
 * <p>Maps both ways between the app's ids and what the ledger records: {@link #onLedger} and
 * {@link #resolve}. An id the profiles do not know resolves to itself: a ledger written before
 * profiles, or a member who was forgotten.
 */
final class Profiles {
  static final String FILE = "profiles";
  private static final JsonFactory JSON = new JsonFactory();

  /** One member as the collective knows them. */
  record Profile(MemberId id, long number, Appearance appearance) {}

  private final PrivateArea area;
  private final Vault vault;
  private final Pseudonyms pseudonyms;
  private final Map<MemberId, Profile> byId = new ConcurrentHashMap<>();
  private final Map<Long, MemberId> byNumber = new ConcurrentHashMap<>();
  private final Map<MemberId, MemberId> byHandle = new ConcurrentHashMap<>();
  private final Map<MemberId, MemberId> handles = new ConcurrentHashMap<>();
  /** The handles of forgotten members by their former number, so that their tags still resolve to one placeholder. */
  private final Map<Long, MemberId> forgotten = new ConcurrentHashMap<>();
  private long next = 1;
  /** Counts the changes to the maps above, each counted once it is complete ({@link #changes}). */
  private volatile long changes;

  private Profiles(PrivateArea area, Vault vault, Pseudonyms pseudonyms) {
    this.area = area;
    this.vault = vault;
    this.pseudonyms = pseudonyms;
  }

  static Profiles open(PrivateArea area, Vault vault, Pseudonyms pseudonyms) {
    Profiles p = new Profiles(area, vault, pseudonyms);
    vault.read(area, FILE).ifPresent(p::decode);
    return p;
  }

  Pseudonyms pseudonyms() {
    return pseudonyms;
  }

  /**
   * How many times the profiles changed since they were read: the same count before and after
   * {@link #resolve} means nothing changed while it ran.
   */
  long changes() {
    return changes;
  }

  Optional<Profile> get(MemberId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** {@code id} joins (again) appearing as {@code appearance}; a member who rejoins keeps their number. Durable. */
  synchronized void admit(MemberId id, Appearance appearance) {
    Profile old = byId.get(id);
    put(new Profile(id, old != null ? old.number() : next++, appearance));
    save();
  }

  /** {@code id} now appears as {@code appearance}. Durable. */
  synchronized void change(MemberId id, Appearance appearance) {
    Profile old = byId.get(id);
    if (old != null && !old.appearance().equals(appearance)) {
      put(new Profile(id, old.number(), appearance));
      save();
    }
  }

  /**
   * Learns how {@code id} appears from an entry written before appearances were sealed, in memory
   * only; {@link #save} writes what was learnt. Returns whether anything changed.
   */
  synchronized boolean learn(MemberId id, Appearance appearance) {
    Profile old = byId.get(id);
    if (old != null && old.appearance().equals(appearance)) {
      return false;
    }
    put(new Profile(id, old != null ? old.number() : next++, appearance));
    return true;
  }

  /**
   * Erases the app's id and the appearance of {@code id}: from now on their entries resolve to
   * their handle, which no longer leads back to them. Only their number stays, tied to that handle,
   * so that the entries they made appearing only in aggregates resolve to the same placeholder.
   * Durable.
   */
  synchronized void forget(MemberId id) {
    Profile p = byId.remove(id);
    if (p != null) {
      byNumber.remove(p.number());
      MemberId handle = handles.remove(id);
      byHandle.remove(handle);
      forgotten.put(p.number(), handle);
      changes++;
      save();
    }
  }

  /** What the ledger records for {@code member} in the entry at {@code sequence}: a tag, a handle, or the collective itself. */
  MemberId onLedger(MemberId member, long sequence) {
    if (member.equals(Collective.ITSELF)) {
      return member;
    }
    Profile p = byId.get(member);
    if (p != null && p.appearance().mode() == Appearance.Mode.AGGREGATES_ONLY) {
      return pseudonyms.tag(p.number(), sequence);
    }
    return p != null ? handles.get(member) : pseudonyms.handle(member);
  }

  /** The member {@code recorded} (in the entry at {@code sequence}) stands for; itself if unknown. */
  MemberId resolve(MemberId recorded, long sequence) {
    MemberId id = byHandle.get(recorded); // a handle this collective gave (or nothing: a tag, an old ledger's id)
    if (id != null) {
      return id;
    }
    OptionalLong number = pseudonyms.number(recorded, sequence);
    if (number.isPresent()) {
      MemberId member = byNumber.get(number.getAsLong());
      return member != null ? member : forgotten.getOrDefault(number.getAsLong(), recorded);
    }
    return recorded;
  }

  /** {@code text} with each known member id in it (a whole word) as the ledger shows them: see {@link Privacy#toOutsiders}. */
  String toOutsiders(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) { // an id starts with a letter or a digit
        out.append(c);
        i++;
        continue;
      }
      int end = i;
      while (end < text.length() && isIdChar(text.charAt(end))) {
        end++;
      }
      int word = end;
      while (text.charAt(word - 1) == '.') {
        word--; // a sentence's full stop after an id
      }
      Profile p = word - i <= 64 ? byId.get(MemberId.of(text.substring(i, word))) : null;
      if (p == null) {
        out.append(text, i, end);
      } else {
        out.append(p.appearance().mode() == Appearance.Mode.AGGREGATES_ONLY ? "a member" : handles.get(p.id()))
            .append(text, word, end);
      }
      i = end;
    }
    return out.toString();
  }

  private static boolean isIdChar(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
  }

  private void put(Profile p) {
    byId.put(p.id(), p);
    byNumber.put(p.number(), p.id());
    MemberId handle = handles.computeIfAbsent(p.id(), pseudonyms::handle);
    byHandle.put(handle, p.id());
    changes++;
  }

  /** Writes the profiles, whole and durably. */
  synchronized void save() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Profile p : byId.values()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", p.id().value());
      row.put("number", p.number());
      row.put("mode", p.appearance().mode().name().toLowerCase(Locale.ROOT));
      if (p.appearance().shownAs() != null) {
        row.put("shownAs", p.appearance().shownAs());
      }
      rows.add(row);
    }
    List<Map<String, Object>> gone = new ArrayList<>();
    forgotten.forEach((number, handle) -> gone.add(Map.of("number", number, "handle", handle.value())));
    vault.write(area, FILE, CanonicalJson.encode(Map.of("next", next, "members", rows, "forgotten", gone)));
  }

  private void decode(byte[] plain) {
    try (JsonParser p = JSON.createParser(plain)) {
      expect(p.nextToken() == JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        if (field.equals("next")) {
          expect(p.nextToken() == JsonToken.VALUE_NUMBER_INT);
          next = p.getLongValue();
        } else if (field.equals("members")) {
          expect(p.nextToken() == JsonToken.START_ARRAY);
          while (p.nextToken() == JsonToken.START_OBJECT) {
            put(row(p));
          }
        } else if (field.equals("forgotten")) {
          expect(p.nextToken() == JsonToken.START_ARRAY);
          while (p.nextToken() == JsonToken.START_OBJECT) {
            Map<String, Object> gone = fields(p);
            forgotten.put((Long) gone.get("number"), MemberId.of((String) gone.get("handle")));
          }
        } else {
          expect(false);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new PrivateDataException("The profiles (" + FILE + ") opened but do not read as profiles: " + e.getMessage()
          + ". Restore the file from the backup taken with the journal.", e);
    }
  }

  private static Map<String, Object> fields(JsonParser p) throws IOException {
    Map<String, Object> row = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      row.put(name, t == JsonToken.VALUE_NUMBER_INT ? (Object) p.getLongValue() : p.getText());
    }
    return row;
  }

  private static Profile row(JsonParser p) throws IOException {
    Map<String, Object> row = fields(p);
    Appearance.Mode mode = Appearance.Mode.valueOf(((String) row.get("mode")).toUpperCase(Locale.ROOT));
    @Nullable Object shown = row.get("shownAs");
    return new Profile(MemberId.of((String) row.get("id")), (Long) row.get("number"),
        new Appearance(mode, shown == null ? null : (String) shown));
  }

  private static void expect(boolean ok) {
    if (!ok) {
      throw new IllegalArgumentException("unexpected shape");
    }
  }
}
