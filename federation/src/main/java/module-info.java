/**
 * Lattice federation: collectives as ActivityPub Group actors on a Vert.x node. So far: HTTP
 * signatures in both schemes, SSRF-safe addressing, and the node's actor, WebFinger, NodeInfo,
 * inbox, outbox and followers.
 */
// Jena's jars name their modules in their manifests (Automatic-Module-Name) and Titanium by its
// file name: both are automatic modules, which is what these two lint warnings say.
@SuppressWarnings({"requires-transitive-automatic", "requires-automatic"})
module coop.lattice.federation {
  requires transitive coop.lattice.core;
  requires static org.jspecify;
  requires transitive com.fasterxml.jackson.databind;
  requires transitive io.vertx.core;
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;
  requires transitive org.apache.jena.arq;
  requires transitive org.apache.jena.core;
  requires titanium.json.ld;

  exports coop.lattice.federation.http;
  exports coop.lattice.federation.net;
  exports coop.lattice.federation.node;
  exports coop.lattice.federation.rdf;
}
