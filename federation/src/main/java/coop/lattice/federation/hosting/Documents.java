package coop.lattice.federation.hosting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.federation.json.ActivityStreams;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.rdf.ValueFlowsShapes;
import coop.lattice.ledger.Cosignature;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Equivocation;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.ledger.RecoveryCountersignature;
import coop.lattice.ledger.RecoveryRequest;
import coop.lattice.ledger.RepairStatement;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.merkle.Hash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON-LD documents a node serves and sends. Only the standard contexts, so any server can read them. */
public final class Documents {
  private Documents() {}

  public static ObjectNode actor(HostedCollective h) {
    ObjectNode a = Json.object();
    ArrayNode ctx = a.putArray("@context");
    ctx.add(ActivityStreams.CONTEXT).add(ActivityStreams.SECURITY).add(ActivityStreams.MULTIKEY);
    String actor = h.actor().toString();
    a.put("id", actor);
    a.put("type", "Group");
    a.put("preferredUsername", h.id());
    a.put("name", h.collective().name());
    a.put("summary", "A collective on Lattice: its open ledger, as activities.");
    a.put("url", actor);
    a.put("inbox", actor + "/inbox");
    a.put("outbox", actor + "/outbox");
    a.put("followers", actor + "/followers");
    a.put("following", actor + "/following");
    a.put("manuallyApprovesFollowers", false);
    a.putObject("endpoints").put("sharedInbox", h.actor().resolve("/inbox").toString());
    ObjectNode key = a.putObject("publicKey");
    key.put("id", h.keyId());
    key.put("owner", actor);
    key.put("publicKeyPem", h.keys().rsaPem());
    ObjectNode multikey = a.putArray("assertionMethod").addObject();
    multikey.put("id", h.ed25519KeyId());
    multikey.put("type", "Multikey");
    multikey.put("controller", actor);
    multikey.put("publicKeyMultibase", h.keys().ed25519Multibase());
    return a;
  }

  /** A ledger entry as a public {@code Note}: a readable line, and the canonical entry itself. */
  public static ObjectNode note(HostedCollective h, Entry e) {
    ObjectNode n = Json.object();
    context(n);
    n.put("id", h.actor() + "/entries/" + e.sequence());
    n.put("type", "Note");
    n.put("attributedTo", h.actor().toString());
    n.put("published", e.time().toString());
    n.putArray("to").add(ActivityStreams.PUBLIC);
    n.put("content", "<p>" + escape(h.collective().name() + ": ledger entry " + e.sequence() + ", "
        + e.event().getClass().getSimpleName()) + "</p>");
    n.put("sequence", e.sequence());
    n.put("entry", new String(LedgerJson.canonicalBytes(e), StandardCharsets.UTF_8));
    // Its ValueFlows shape, if it has one, for readers that know ValueFlows and not Lattice.
    ValueFlowsShapes.of(e, h.actor().toString(), h.collective().ledger()::entry)
        .ifPresent(shape -> n.set("valueflows", shape.toJsonLd()));
    return n;
  }

  /** The {@code Create} of entry {@code e}, to the public and {@code h}'s followers. */
  public static ObjectNode create(HostedCollective h, Entry e) {
    return create(h, e, List.of());
  }

  /**
   * The {@code Create} of entry {@code e}, to the public, the actors {@code to} (a trade step's
   * counterpart: see {@link Addressees}) and {@code h}'s followers.
   */
  public static ObjectNode create(HostedCollective h, Entry e, List<String> to) {
    ObjectNode c = Json.object();
    context(c);
    c.put("id", h.actor() + "/entries/" + e.sequence() + "/activity");
    c.put("type", "Create");
    c.put("actor", h.actor().toString());
    c.put("published", e.time().toString());
    ArrayNode addressed = c.putArray("to").add(ActivityStreams.PUBLIC);
    to.forEach(addressed::add);
    c.putArray("cc").add(h.actor() + "/followers");
    ObjectNode note = note(h, e);
    note.remove("@context");
    c.set("object", note);
    return c;
  }

  private static void context(ObjectNode n) {
    ArrayNode ctx = n.putArray("@context");
    ctx.add(ActivityStreams.CONTEXT);
    ObjectNode lattice = ctx.addObject();
    lattice.put("lattice", ActivityStreams.LATTICE);
    lattice.put("sequence", "lattice:sequence");
    lattice.put("entry", "lattice:entry");
    lattice.put("valueflows", "lattice:valueflows");
  }

  /** A {@code Follow} of {@code remote} by {@code h}, with the id {@code followId}. */
  public static ObjectNode follow(HostedCollective h, String followId, String remote) {
    ObjectNode follow = Json.object();
    follow.put("@context", ActivityStreams.CONTEXT);
    follow.put("id", followId);
    follow.put("type", "Follow");
    follow.put("actor", h.actor().toString());
    follow.put("object", remote);
    return follow;
  }

  /** The {@code Accept} of {@code follow}, a Follow of {@code h} that it accepted. */
  public static ObjectNode accept(HostedCollective h, ObjectNode follow) {
    return answer(h, "Accept", follow);
  }

  /** {@code Accept} or {@code Reject} of {@code follow}, a Follow of {@code h}. */
  public static ObjectNode answer(HostedCollective h, String type, ObjectNode follow) {
    ObjectNode answer = Json.object();
    answer.put("@context", ActivityStreams.CONTEXT);
    answer.put("id", h.actor() + "/" + type.toLowerCase(java.util.Locale.ROOT) + "s/" + UUID.randomUUID());
    answer.put("type", type);
    answer.put("actor", h.actor().toString());
    answer.set("object", follow);
    return answer;
  }

  /** The {@code Follow} {@code request} names, as the answer to it carries it. */
  public static ObjectNode followOf(HostedCollective h, String followId, String actor) {
    ObjectNode follow = Json.object();
    follow.put("id", followId);
    follow.put("type", "Follow");
    follow.put("actor", actor);
    follow.put("object", h.actor().toString());
    return follow;
  }

  /** An {@code Update} of {@code h}'s actor document, as sent after its keys rotated. */
  public static ObjectNode updateActor(HostedCollective h) {
    ObjectNode update = Json.object();
    update.put("@context", ActivityStreams.CONTEXT);
    update.put("id", h.actor() + "/updates/" + UUID.randomUUID());
    update.put("type", "Update");
    update.put("actor", h.actor().toString());
    update.putArray("to").add(ActivityStreams.PUBLIC);
    ObjectNode actor = actor(h);
    actor.remove("@context");
    update.set("object", actor);
    return update;
  }

  /**
   * A {@code Flag} of {@code flagged} by {@code h}, carrying the proof that it equivocated (its
   * canonical JSON, under {@code equivocation}): any node that holds the flagged ledger's key can
   * check it, and none need believe it otherwise.
   */
  public static ObjectNode flag(HostedCollective h, String flagged, Equivocation proof) {
    byte[] bytes = proof.toBytes();
    ObjectNode f = Json.object();
    context(f);
    ((ObjectNode) f.withArray("@context").get(1)).put("equivocation", "lattice:equivocation");
    f.put("id", h.actor() + "/flags/" + Hash.sha256(bytes).hex().substring(0, 32));
    f.put("type", "Flag");
    f.put("actor", h.actor().toString());
    f.put("object", flagged);
    f.putArray("to").add(ActivityStreams.PUBLIC);
    f.putArray("cc").add(h.actor() + "/followers");
    f.put("content", "<p>" + escape(flagged + " signed two checkpoints that no one ledger has; the proof is attached")
        + "</p>");
    f.put("equivocation", new String(bytes, StandardCharsets.UTF_8));
    return f;
  }

  /**
   * A repair statement as a public {@code Note} in a {@code Create} ({@code repair}: its canonical
   * JSON): partners check it against the ledger's key, and their agreements decide.
   */
  public static ObjectNode repair(HostedCollective h, RepairStatement statement) {
    byte[] bytes = statement.toBytes();
    return signedNote(h, h.actor() + "/repairs/" + Hash.sha256(bytes).hex().substring(0, 32), ActivityStreams.PUBLIC,
        true, h.collective().name() + ": the ledger after entry " + statement.lastGood().checkpoint().size()
            + " was replaced (" + statement.kind() + "): " + statement.reason(), "repair", bytes);
  }

  /**
   * {@code h}'s cosignature, as a witness, of {@code partner}'s checkpoint: a {@code Note} in a
   * {@code Create} addressed to the partner ({@code cosignature}: its canonical JSON).
   */
  public static ObjectNode cosignature(HostedCollective h, String partner, Cosignature cosignature) {
    byte[] bytes = cosignature.toBytes();
    return signedNote(h, h.actor() + "/cosignatures/" + Hash.sha256(bytes).hex().substring(0, 32), partner, false,
        h.collective().name() + " witnessed " + cosignature.size() + " entries of " + cosignature.collective(),
        "cosignature", bytes);
  }

  /**
   * {@code h}'s request that {@code partner} countersign the recovery of its lost ledger key: a
   * {@code Note} in a {@code Create} addressed to the partner ({@code keyRecovery}: its canonical JSON).
   */
  public static ObjectNode recoveryRequest(HostedCollective h, String partner, RecoveryRequest request) {
    byte[] bytes = request.toBytes();
    return signedNote(h, h.actor() + "/key-recoveries/" + UUID.randomUUID(), partner, false, // each asking anew
        h.collective().name() + " lost its ledger key and asks its partners to recognise a new one, from its checkpoint"
            + " of " + request.basis().checkpoint().size() + " entries", "keyRecovery", bytes);
  }

  /**
   * {@code h}'s countersignature, as a witness, of {@code partner}'s key recovery: a {@code Note} in a
   * {@code Create} addressed to the partner ({@code recoveryCountersignature}: its canonical JSON).
   */
  public static ObjectNode recoveryCountersignature(HostedCollective h, String partner, RecoveryCountersignature c) {
    byte[] bytes = c.toBytes();
    return signedNote(h, h.actor() + "/recovery-countersignatures/" + Hash.sha256(bytes).hex().substring(0, 32),
        partner, false, h.collective().name() + " recognises the new ledger key of " + c.collective() + ", from its"
            + " checkpoint of " + c.size() + " entries", "recoveryCountersignature", bytes);
  }

  /** A signed checkpoint as a public {@code Note} in a {@code Create}: anyone can check it against the ledger's key. */
  public static ObjectNode checkpoint(HostedCollective h, SignedCheckpoint cp) {
    long size = cp.checkpoint().size();
    return signedNote(h, h.actor() + "/checkpoints/" + size, ActivityStreams.PUBLIC, true,
        h.collective().name() + ": signed checkpoint at " + size + " entries", "checkpoint", cp.toBytes());
  }

  /**
   * A {@code Note} {@code id} in a {@code Create} ({@code id/activity}) to {@code to} (and the
   * followers), carrying {@code bytes}, a signed document's canonical JSON, under the Lattice term
   * {@code term}; {@code content} says in words what it is.
   */
  private static ObjectNode signedNote(HostedCollective h, String id, String to, boolean ccFollowers, String content,
      String term, byte[] bytes) {
    ObjectNode note = Json.object();
    note.put("id", id);
    note.put("type", "Note");
    note.put("attributedTo", h.actor().toString());
    note.putArray("to").add(to);
    note.put("content", "<p>" + escape(content) + "</p>");
    note.put(term, new String(bytes, StandardCharsets.UTF_8));
    ObjectNode c = Json.object();
    context(c);
    ((ObjectNode) c.withArray("@context").get(1)).put(term, "lattice:" + term);
    c.put("id", id + "/activity");
    c.put("type", "Create");
    c.put("actor", h.actor().toString());
    c.putArray("to").add(to);
    if (ccFollowers) {
      c.putArray("cc").add(h.actor() + "/followers");
    }
    c.set("object", note);
    return c;
  }

  public static ObjectNode orderedCollection(String id, long total, @Nullable String first) {
    ObjectNode c = Json.object();
    c.put("@context", ActivityStreams.CONTEXT);
    c.put("id", id);
    c.put("type", "OrderedCollection");
    c.put("totalItems", total);
    if (first != null) {
      c.put("first", first);
    }
    return c;
  }

  public static ObjectNode emptyCollection(String id) {
    return orderedCollection(id, 0, null);
  }

  public static ObjectNode page(String id, String partOf, List<JsonNode> items, @Nullable String next) {
    ObjectNode p = Json.object();
    p.put("@context", ActivityStreams.CONTEXT);
    p.put("id", id);
    p.put("type", "OrderedCollectionPage");
    p.put("partOf", partOf);
    ArrayNode a = p.putArray("orderedItems");
    items.forEach(i -> {
      if (i instanceof ObjectNode o) {
        o.remove("@context");
      }
      a.add(i);
    });
    if (next != null) {
      p.put("next", next);
    }
    return p;
  }

  /** HTML-escapes text for {@code content}. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
