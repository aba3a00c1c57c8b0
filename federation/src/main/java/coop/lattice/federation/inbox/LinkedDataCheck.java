package coop.lattice.federation.inbox;

import coop.lattice.federation.rdf.ContextFetcher;
import coop.lattice.federation.rdf.Contexts;
import coop.lattice.federation.rdf.LinkedData;
import java.util.Set;

/**
 * Authenticated; now it must be JSON-LD that reads with the contexts the node knows (the fast
 * path, or Jena's reader) and whose graph says what was authorized, or 400. Nothing is fetched
 * here: a document that names a context the node does not know yet is taken as plain
 * ActivityStreams JSON (authorization already read its plain fields), and the {@link
 * ContextFetcher} is asked for that context, off this path; until it is learned the activity has
 * no graph.
 */
final class LinkedDataCheck implements Step<VerifiedActivity> {
  private final Contexts contexts;
  private final ContextFetcher fetcher;
  private final Step<VerifiedActivity> next;

  LinkedDataCheck(Contexts contexts, ContextFetcher fetcher, Step<VerifiedActivity> next) {
    this.contexts = contexts;
    this.fetcher = fetcher;
    this.next = next;
  }

  @Override
  public void accept(VerifiedActivity a) {
    try {
      if (LinkedData.check(contexts, a.activity(), a.body(), a.id(), a.actor()) == LinkedData.Reading.PLAIN) {
        Set<String> unknown = contexts.unknown(a.activity());
        next.accept(a);
        fetcher.request(unknown);
        return;
      }
    } catch (LinkedData.Unreadable e) {
      a.refuse(Reason.NOT_LINKED_DATA, e.getMessage());
      return;
    }
    next.accept(a);
  }
}
