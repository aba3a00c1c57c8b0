package coop.lattice.federation.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** JSON-LD through Jena with the bundled contexts only: what reads, and that nothing is ever fetched. */
class LinkedDataTest {
  static final String AS = "https://www.w3.org/ns/activitystreams#";

  @Test
  void anActivityWithTheFediversesContextsBecomesRdfOffline() throws Exception {
    String doc = "{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"https://w3id.org/security/v1\","
        + "\"https://w3id.org/security/data-integrity/v1\",\"https://w3id.org/security/multikey/v1\","
        + "\"https://w3id.org/identity/v1\",\"https://www.w3.org/ns/did/v1\",{\"lattice\":\"https://lattice.coop/ns#\","
        + "\"sequence\":\"lattice:sequence\"}],\"id\":\"https://food.example/collectives/food/entries/3/activity\","
        + "\"type\":\"Create\",\"actor\":\"https://food.example/collectives/food\",\"object\":{\"id\":"
        + "\"https://food.example/collectives/food/entries/3\",\"type\":\"Note\",\"content\":\"<p>hi</p>\","
        + "\"sequence\":3}}";
    Graph g = LinkedData.toGraph(doc.getBytes(StandardCharsets.UTF_8));
    var activity = NodeFactory.createURI("https://food.example/collectives/food/entries/3/activity");
    assertThat(g.contains(activity, RDF.type.asNode(), NodeFactory.createURI(AS + "Create"))).isTrue();
    assertThat(g.contains(activity, NodeFactory.createURI(AS + "actor"),
        NodeFactory.createURI("https://food.example/collectives/food"))).isTrue();
    assertThat(g.find(null, NodeFactory.createURI("https://lattice.coop/ns#sequence"), null).toList()).hasSize(1);
  }

  @Test
  void anUnknownRemoteContextIsAnErrorAndIsNeverFetched() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Thread t = new Thread(() -> {
        try {
          s.accept().close();
          connections.incrementAndGet();
        } catch (java.io.IOException closed) {
          // the test ended without a connection, as it should
        }
      });
      t.setDaemon(true);
      t.start();
      String doc = "{\"@context\":\"http://127.0.0.1:" + s.getLocalPort() + "/context.jsonld\",\"id\":\"https://a.example/1\","
          + "\"type\":\"Create\"}";
      assertThatThrownBy(() -> LinkedData.toGraph(doc.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(LinkedData.Unreadable.class).hasMessageContaining("neither bundled with Lattice nor learned");
    }
    assertThat(connections).hasValue(0);
  }

  @Test
  void latticesValueFlowsContextReadsAnExchangeAsValueFlows() throws Exception {
    String vf = "https://w3id.org/valueflows/ont/vf#";
    String doc = "{\"@context\":\"" + LinkedData.VALUEFLOWS + "\",\"@id\":\"https://food.example/entries/7\","
        + "\"@type\":\"EconomicEvent\",\"action\":\"" + vf + "deliverService\",\"provider\":\"https://food.example/members/bo\","
        + "\"receiver\":\"https://food.example/members/ana\",\"effortQuantity\":{\"hasNumericalValue\":\"2.5\","
        + "\"hasUnit\":\"om2:hour\"}}";
    Graph g = LinkedData.toGraph(doc.getBytes(StandardCharsets.UTF_8));
    var event = NodeFactory.createURI("https://food.example/entries/7");
    assertThat(g.contains(event, RDF.type.asNode(), NodeFactory.createURI(vf + "EconomicEvent"))).isTrue();
    assertThat(g.contains(event, NodeFactory.createURI(vf + "provider"),
        NodeFactory.createURI("https://food.example/members/bo"))).isTrue();
    assertThat(g.find(null, NodeFactory.createURI("http://www.ontology-of-units-of-measure.org/resource/om-2/hasUnit"),
        NodeFactory.createURI("http://www.ontology-of-units-of-measure.org/resource/om-2/hour")).toList()).hasSize(1);
  }
}
