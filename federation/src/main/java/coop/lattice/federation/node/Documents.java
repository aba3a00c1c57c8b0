package coop.lattice.federation.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.LedgerJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON-LD documents a node serves and sends. Only the standard contexts, so any server can read them. */
final class Documents {
  static final String SECURITY = "https://w3id.org/security/v1";
  static final String MULTIKEY = "https://w3id.org/security/multikey/v1";
  static final String LATTICE = "https://lattice.coop/ns#";

  private Documents() {}

  static ObjectNode actor(FederationNode.Hosted h) {
    ObjectNode a = Json.object();
    ArrayNode ctx = a.putArray("@context");
    ctx.add(FederationNode.AS).add(SECURITY).add(MULTIKEY);
    String actor = h.actor.toString();
    a.put("id", actor);
    a.put("type", "Group");
    a.put("preferredUsername", h.id);
    a.put("name", h.collective.name());
    a.put("summary", "A collective on Lattice: its open ledger, as activities.");
    a.put("url", actor);
    a.put("inbox", actor + "/inbox");
    a.put("outbox", actor + "/outbox");
    a.put("followers", actor + "/followers");
    a.put("following", actor + "/following");
    a.put("manuallyApprovesFollowers", false);
    a.putObject("endpoints").put("sharedInbox", h.actor.resolve("/inbox").toString());
    ObjectNode key = a.putObject("publicKey");
    key.put("id", h.keyId());
    key.put("owner", actor);
    key.put("publicKeyPem", h.keys.rsaPem());
    ObjectNode multikey = a.putArray("assertionMethod").addObject();
    multikey.put("id", actor + "#ed25519-key");
    multikey.put("type", "Multikey");
    multikey.put("controller", actor);
    multikey.put("publicKeyMultibase", h.keys.ed25519Multibase());
    return a;
  }

  /** A ledger entry as a public {@code Note}: a readable line, and the canonical entry itself. */
  static ObjectNode note(FederationNode.Hosted h, Entry e) {
    ObjectNode n = Json.object();
    context(n);
    n.put("id", h.actor + "/entries/" + e.sequence());
    n.put("type", "Note");
    n.put("attributedTo", h.actor.toString());
    n.put("published", e.time().toString());
    n.putArray("to").add(FederationNode.PUBLIC);
    n.put("content", "<p>" + escape(h.collective.name() + ": ledger entry " + e.sequence() + ", "
        + e.event().getClass().getSimpleName()) + "</p>");
    n.put("sequence", e.sequence());
    n.put("entry", new String(LedgerJson.canonicalBytes(e), StandardCharsets.UTF_8));
    return n;
  }

  static ObjectNode create(FederationNode.Hosted h, Entry e) {
    ObjectNode c = Json.object();
    context(c);
    c.put("id", h.actor + "/entries/" + e.sequence() + "/activity");
    c.put("type", "Create");
    c.put("actor", h.actor.toString());
    c.put("published", e.time().toString());
    c.putArray("to").add(FederationNode.PUBLIC);
    c.putArray("cc").add(h.actor + "/followers");
    ObjectNode note = note(h, e);
    note.remove("@context");
    c.set("object", note);
    return c;
  }

  private static void context(ObjectNode n) {
    ArrayNode ctx = n.putArray("@context");
    ctx.add(FederationNode.AS);
    ObjectNode lattice = ctx.addObject();
    lattice.put("lattice", LATTICE);
    lattice.put("sequence", "lattice:sequence");
    lattice.put("entry", "lattice:entry");
  }

  /** A signed checkpoint as a public {@code Note} in a {@code Create}: anyone can check it against the ledger's key. */
  static ObjectNode checkpoint(FederationNode.Hosted h, coop.lattice.ledger.SignedCheckpoint cp) {
    long size = cp.checkpoint().size();
    ObjectNode note = Json.object();
    note.put("id", h.actor + "/checkpoints/" + size);
    note.put("type", "Note");
    note.put("attributedTo", h.actor.toString());
    note.putArray("to").add(FederationNode.PUBLIC);
    note.put("content", "<p>" + escape(h.collective.name() + ": signed checkpoint at " + size + " entries") + "</p>");
    note.put("checkpoint", new String(cp.toBytes(), StandardCharsets.UTF_8));
    ObjectNode c = Json.object();
    context(c);
    ((ObjectNode) c.withArray("@context").get(1)).put("checkpoint", "lattice:checkpoint");
    c.put("id", h.actor + "/checkpoints/" + size + "/activity");
    c.put("type", "Create");
    c.put("actor", h.actor.toString());
    c.putArray("to").add(FederationNode.PUBLIC);
    c.putArray("cc").add(h.actor + "/followers");
    c.set("object", note);
    return c;
  }

  static ObjectNode orderedCollection(String id, long total, @Nullable String first) {
    ObjectNode c = Json.object();
    c.put("@context", FederationNode.AS);
    c.put("id", id);
    c.put("type", "OrderedCollection");
    c.put("totalItems", total);
    if (first != null) {
      c.put("first", first);
    }
    return c;
  }

  static ObjectNode emptyCollection(String id) {
    return orderedCollection(id, 0, null);
  }

  static ObjectNode page(String id, String partOf, List<JsonNode> items, @Nullable String next) {
    ObjectNode p = Json.object();
    p.put("@context", FederationNode.AS);
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
  static String escape(String s) {
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
