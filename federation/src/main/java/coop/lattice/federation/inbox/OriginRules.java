package coop.lattice.federation.inbox;

import static coop.lattice.federation.net.Origins.sameOrigin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Hosts;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.mirror.Flags;
import coop.lattice.federation.social.Blocks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Holds an activity to one server before any key is fetched: its id, its actor and the signing
 * key share one origin (401), it claims this node's origin only if its actor is a collective hosted
 * here ({@link LocalActors}; 403 otherwise; its signature is then checked with that collective's
 * own key), neither its actor nor
 * any actor of what it carries is flagged or blocked (403), an embedded object shares its actor's origin (401; an Accept, Reject or Undo
 * embeds someone else's activity), and it addresses a collective on this node (404).
 */
final class OriginRules implements Step<Parsed> {
  private static final Set<String> EMBED_OTHERS = Set.of("Accept", "Reject", "Undo");
  private static final List<String> ADDRESS_FIELDS = List.of("object", "to", "cc", "audience");

  private final Hosts hosts;
  private final LocalActors local;
  private final Flags flags;
  private final Blocks blocks;
  private final Step<Candidate> next;

  OriginRules(Hosts hosts, LocalActors local, Flags flags, Blocks blocks, Step<Candidate> next) {
    this.hosts = hosts;
    this.local = local;
    this.flags = flags;
    this.blocks = blocks;
    this.next = next;
  }

  @Override
  public void accept(Parsed p) {
    Arrival a = p.arrival();
    String actor = p.actor();
    if (!sameOrigin(p.id(), actor) || !sameOrigin(p.signed().keyId(), actor)) {
      a.refuse(Reason.ORIGIN, "the activity, its actor and the signing key must share one origin");
      return;
    }
    if (sameOrigin(actor, hosts.base().toString()) && !local.hosts(actor)) {
      // Only a collective hosted here speaks from this origin (signed with its key, checked next).
      a.refuse(Reason.OWN_ORIGIN, "an activity from this node's origin must come from a collective it hosts; "
          + actor + " is none");
      return;
    }
    for (String who : actors(p.activity())) {
      Optional<String> flag = flags.why(who);
      if (flag.isPresent()) {
        a.refuse(Reason.FLAGGED, who + " is flagged (" + flag.get() + "); nothing more is accepted from it, "
            + (who.equals(actor) ? "" : "wrapped in another's activity or ") + "directly");
        return;
      }
      Optional<String> block = blocks.why(who);
      if (block.isPresent()) {
        a.refuse(Reason.BLOCKED, who + " is blocked here (" + block.get() + ")");
        return;
      }
    }
    JsonNode object = p.activity().get("object");
    if (!EMBED_OTHERS.contains(p.type()) && embedsAnother(object, actor)) {
      a.refuse(Reason.ORIGIN, "an embedded object must share its actor's origin");
      return;
    }
    HostedCollective h = a.target() != null ? a.target() : addressee(p.activity()).orElse(null);
    if (h == null) {
      a.refuse(Reason.NOT_ADDRESSED, "the activity addresses no collective on this node");
      return;
    }
    next.accept(new Candidate(p, h));
  }

  /** True when {@code object} (or one in an array of them) is embedded with an id on another origin. */
  private static boolean embedsAnother(@Nullable JsonNode object, String actor) {
    if (object == null) {
      return false;
    }
    if (object.isArray()) {
      for (JsonNode o : object) {
        if (embedsAnother(o, actor)) {
          return true;
        }
      }
      return false;
    }
    return object.isObject() && Json.id(object).filter(o -> !sameOrigin(o, actor)).isPresent();
  }

  /**
   * The actor, and every actor of what it carries (an {@code Announce} of someone's activity, a
   * {@code Create} of someone's note): {@code actor} and {@code attributedTo} of embedded objects,
   * three levels deep.
   */
  static Set<String> actors(ObjectNode activity) {
    Set<String> out = new LinkedHashSet<>();
    collect(activity, out, 0);
    return out;
  }

  private static void collect(JsonNode o, Set<String> out, int depth) {
    if (o == null || depth > 3) {
      return;
    }
    if (o.isArray()) {
      o.forEach(x -> collect(x, out, depth));
      return;
    }
    if (!o.isObject()) {
      return;
    }
    for (String f : List.of("actor", "attributedTo")) {
      out.addAll(Json.ids(o.get(f)));
    }
    collect(o.get("object"), out, depth + 1);
  }

  /** Through the shared inbox: the first collective the activity names as object or audience. */
  private Optional<HostedCollective> addressee(ObjectNode activity) {
    List<String> targets = new ArrayList<>();
    for (String f : ADDRESS_FIELDS) {
      targets.addAll(Json.ids(activity.get(f)));
    }
    JsonNode object = activity.get("object");
    if (object != null && object.isObject()) {
      Json.id(object.get("object")).ifPresent(targets::add);
      Json.id(object.get("actor")).ifPresent(targets::add);
    }
    return hosts.firstActorIn(targets);
  }
}
