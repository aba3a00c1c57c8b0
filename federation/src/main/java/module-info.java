/**
 * Lattice federation: collectives as ActivityPub Group actors on a Vert.x node. So far: HTTP
 * signatures in both schemes, SSRF-safe addressing, and the node's actor, WebFinger, NodeInfo,
 * inbox, outbox and followers.
 */
module coop.lattice.federation {
  requires transitive coop.lattice.core;
  requires static org.jspecify;
  requires transitive com.fasterxml.jackson.databind;
  requires transitive io.vertx.core;
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;

  exports coop.lattice.federation.http;
  exports coop.lattice.federation.net;
  exports coop.lattice.federation.node;
}
