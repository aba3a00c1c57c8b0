/**
 * Lattice federation: collectives as ActivityPub Group actors on a Vert.x node. Exported: the
 * node ({@code node}), what it hands back (the root package), keys and object proofs, HTTP
 * signatures, origins and the address policy, JSON-LD read offline and ValueFlows written out, and
 * the network's ledgers as linked data queried by SPARQL. The request path's
 * packages (routes, inbox, social, outbox, mirror, hosting, json) are internal.
 */
// Jena's jars name their modules in their manifests (Automatic-Module-Name) and Titanium by its
// file name: both are automatic modules, which is what these two lint warnings say.
@SuppressWarnings({"requires-transitive-automatic", "requires-automatic"})
module coop.lattice.federation {
  requires transitive coop.lattice.core;
  requires transitive coop.lattice.wall;
  requires static org.jspecify;
  requires com.google.common;
  requires transitive com.fasterxml.jackson.databind;
  requires transitive io.vertx.core;
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;
  requires transitive org.apache.jena.arq;
  requires transitive org.apache.jena.core;
  requires org.apache.jena.tdb2;
  requires titanium.json.ld;
  requires org.slf4j;
  requires java.net.http; // the remote linked-data store (Fuseki), written over SPARQL Update
  requires java.logging; // to quiet titanium's java.util.logging warnings about what senders send
  // The node's builder takes the application's MeterRegistry.
  requires transitive micrometer.core;

  exports coop.lattice.federation;
  exports coop.lattice.federation.http;
  exports coop.lattice.federation.keys;
  exports coop.lattice.federation.net;
  exports coop.lattice.federation.node;
  exports coop.lattice.federation.rdf;
  exports coop.lattice.federation.sparql;
}
