package coop.lattice.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import coop.lattice.federation.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Objects other servers created here, with the actor that owns them and their version (their
 * {@code updated} time, else {@code published}): only the owner may update or delete one, an
 * update must carry a later version than the stored one, and a deleted object stays a tombstone.
 * Nothing is written for it: it is rebuilt on open from the accepted activities, which are on
 * disk before the inbox answers, and from the snapshot their log keeps of activities older than
 * the replay window ({@link AcceptedLines}). Thread-safe.
 */
final class RemoteObjects {
  /** What is stored of an object. */
  record Stored(String owner, Instant version, boolean deleted) {}

  /** Why a change was refused. */
  record Refusal(Reason reason, String message) {}

  private final Map<String, Stored> objects = new ConcurrentHashMap<>();

  RemoteObjects() {}

  /** Replays one accepted activity (its exact JSON), in the order it was accepted. */
  void replay(byte[] json) {
    fold(objects, json);
  }

  /** Restores one object as a snapshot of older activities left it. */
  void restore(String id, Stored stored) {
    objects.put(id, stored);
  }

  /** What one accepted activity does to {@code objects}: the one rule for replay and for compaction's snapshot. */
  static void fold(Map<String, Stored> objects, byte[] json) {
    JsonNode a;
    try {
      a = Json.parseObject(json);
    } catch (IOException e) {
      return;
    }
    String actor = Json.id(a.get("actor")).orElse("");
    String type = Json.text(a, "type").orElse("");
    JsonNode object = a.get("object");
    if ((type.equals("Create") || type.equals("Update")) && object != null && object.isObject()
        && !Json.id(object).orElse("").equals(actor)) {
      put(objects, actor, object);
    } else if (type.equals("Delete")) {
      Json.id(object).ifPresent(id -> delete(objects, actor, id));
    }
  }

  Optional<Stored> get(String id) {
    return Optional.ofNullable(objects.get(id));
  }

  static Instant version(JsonNode object) {
    for (String f : new String[] {"updated", "published"}) {
      String v = Json.text(object, f).orElse(null);
      if (v != null) {
        try {
          return Instant.parse(v);
        } catch (DateTimeParseException e) {
          return Instant.EPOCH;
        }
      }
    }
    return Instant.EPOCH;
  }

  /** A {@code Create} of {@code object} by {@code actor}: refused if someone else owns that id. */
  Optional<Refusal> checkCreate(String actor, JsonNode object) {
    String id = Json.id(object).orElse(null);
    if (id == null) {
      return Optional.empty();
    }
    Stored s = objects.get(id);
    if (s != null && !s.owner().equals(actor)) {
      return Optional.of(new Refusal(Reason.NOT_OWNER, id + " belongs to " + s.owner() + "; " + actor
          + " cannot create it"));
    }
    return Optional.empty();
  }

  /** An {@code Update}: only the owner, only with a later version (an exact replay never reaches here). */
  Optional<Refusal> checkUpdate(String actor, JsonNode object) {
    String id = Json.id(object).orElse("");
    Stored s = objects.get(id);
    if (s == null) {
      return Optional.empty(); // first sight: the actor becomes its owner
    }
    if (!s.owner().equals(actor)) {
      return Optional.of(new Refusal(Reason.NOT_OWNER, id + " belongs to " + s.owner() + "; only its owner updates it"));
    }
    if (s.deleted()) {
      return Optional.of(new Refusal(Reason.GONE, id + " was deleted"));
    }
    if (!version(object).isAfter(s.version())) {
      return Optional.of(new Refusal(Reason.STALE, "the update of " + id + " is not newer than the version held ("
          + s.version() + ")"));
    }
    return Optional.empty();
  }

  /** A {@code Delete}: only the owner. */
  Optional<Refusal> checkDelete(String actor, String id) {
    Stored s = objects.get(id);
    if (s != null && !s.owner().equals(actor)) {
      return Optional.of(new Refusal(Reason.NOT_OWNER, id + " belongs to " + s.owner()
          + "; only its owner deletes it"));
    }
    return Optional.empty();
  }

  void put(String actor, JsonNode object) {
    put(objects, actor, object);
  }

  void delete(String actor, String id) {
    delete(objects, actor, id);
  }

  /** Keeps the newer version: two updates checked at once are applied in the order they were recorded. */
  private static void put(Map<String, Stored> objects, String actor, JsonNode object) {
    Json.id(object).ifPresent(id -> objects.merge(id, new Stored(actor, version(object), false),
        (held, next) -> !held.deleted() && held.version().isAfter(next.version()) ? held : next));
  }

  private static void delete(Map<String, Stored> objects, String actor, String id) {
    Stored s = objects.get(id);
    objects.put(id, new Stored(s == null ? actor : s.owner(), s == null ? Instant.EPOCH : s.version(), true));
  }
}
