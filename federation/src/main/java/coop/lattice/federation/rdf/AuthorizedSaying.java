package coop.lattice.federation.rdf;

import com.fasterxml.jackson.databind.JsonNode;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.net.Origins;
import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.jspecify.annotations.Nullable;

/**
 * Watches the triples of an authorized activity's graph go by and says whether the graph says
 * what was authorized, no more: it must name the activity {@code id} with the authorized {@code
 * actor} as its {@code as:actor} (a context may redefine {@code id} or {@code actor}), and
 * describe no node on another origin (a context may alias {@code object}, and the object's
 * owner did not sign this) other than the ones an {@code Accept}, {@code Reject} or {@code Undo}
 * carries. Fed straight from {@link FastPath#walk} the graph is never built; each distinct
 * subject's origin is worked out once.
 */
final class AuthorizedSaying {
  private static final Node AS_ACTOR = NodeFactory.createURI(FastPath.AS + "#actor");
  /** Activities whose object is someone else's activity, carried whole (a Follow they answer or undo). */
  private static final Set<String> CARRY_OTHERS = Set.of("Accept", "Reject", "Undo");

  private final Node id;
  private final Node actor;
  private final @Nullable String actorOrigin;
  private final Set<String> carried;
  private final Set<Node> subjectsOnOrigin = new HashSet<>();
  private boolean named;
  private @Nullable String foreign;

  AuthorizedSaying(JsonNode doc, String id, String actor) {
    this.id = NodeFactory.createURI(id);
    this.actor = NodeFactory.createURI(actor);
    this.actorOrigin = Origins.origin(actor);
    this.carried = CARRY_OTHERS.contains(Json.text(doc, "type").orElse("")) ? ids(doc.get("object")) : Set.of();
  }

  void see(Triple t) {
    Node s = t.getSubject();
    if (!named && s.equals(id) && t.getPredicate().equals(AS_ACTOR) && t.getObject().equals(actor)) {
      named = true;
    }
    if (foreign == null && s.isURI() && !subjectsOnOrigin.contains(s)) {
      String uri = s.getURI();
      if (actorOrigin != null && actorOrigin.equals(Origins.origin(uri)) || carried.contains(uri)) {
        subjectsOnOrigin.add(s);
      } else {
        foreign = uri;
      }
    }
  }

  /** Why the graph seen says more, or other, than was authorized; null when it says just that. */
  @Nullable String wrong() {
    if (!named) {
      return "does not say that " + actor.getURI() + " did " + id.getURI() + " (does a context redefine id or actor?)";
    }
    return foreign == null ? null : "describes " + foreign + ", which is not on its actor's origin";
  }

  /** Every {@code id} inside {@code n}, at any depth. */
  private static Set<String> ids(@Nullable JsonNode n) {
    Set<String> out = new HashSet<>();
    collectIds(n, out);
    return out;
  }

  private static void collectIds(@Nullable JsonNode n, Set<String> out) {
    if (n == null) {
      return;
    }
    if (n.isObject()) {
      Json.id(n).ifPresent(out::add);
    }
    if (n.isContainerNode()) {
      n.forEach(x -> collectIds(x, out));
    }
  }

  /** What {@link #wrong()} says of a graph already built. */
  static @Nullable String of(Graph g, JsonNode doc, String id, String actor) {
    AuthorizedSaying a = new AuthorizedSaying(doc, id, actor);
    g.find().forEachRemaining(a::see);
    return a.wrong();
  }
}
