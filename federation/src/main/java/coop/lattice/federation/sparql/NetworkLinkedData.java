package coop.lattice.federation.sparql;

/**
 * A node's linked data, for the application that embeds it: queries without HTTP, and a way to
 * wait until the store holds every entry trusted so far; obtained from {@code
 * FederationNode.linkedData()}.
 *
 * <pre>{@code
 * node.linkedData().flush();   // every durable or verified entry is in (tests; queries see them within a second anyway)
 * SparqlEndpoint.Answer a = node.linkedData().query("SELECT ?g WHERE { GRAPH ?g {} }", SparqlEndpoint.CSV);
 * }</pre>
 */
public final class NetworkLinkedData {
  private final GraphFeed feed;
  private final SparqlEndpoint endpoint;

  public NetworkLinkedData(GraphFeed feed, SparqlEndpoint endpoint) {
    this.feed = feed;
    this.endpoint = endpoint;
  }

  /** Runs {@code query} as the node's {@code /sparql} does, with its limits; in CSV if {@code accept} asks for it. */
  public SparqlEndpoint.Answer query(String query, String accept) {
    return endpoint.query(query, accept);
  }

  /** The questions that come with the library ({@link NetworkQuestions}), asked of this node's store. */
  public NetworkQuestions questions() {
    return new NetworkQuestions(this);
  }

  /** Returns once the store holds every entry its sources trusted when called. */
  public void flush() {
    feed.flush();
  }
}
