package coop.lattice.federation.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Hosts;
import coop.lattice.federation.hosting.Responses;
import coop.lattice.federation.json.ActivityStreams;
import coop.lattice.federation.json.Json;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;

/** How other servers find a node and its collectives: WebFinger (RFC 7033) and NodeInfo 2.1. */
final class Discovery {
  private static final String NODEINFO_SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/2.1";

  private final Hosts hosts;

  Discovery(Hosts hosts) {
    this.hosts = hosts;
  }

  void webfinger(HttpServerRequest req) {
    URI base = hosts.base();
    String resource = req.getParam("resource");
    if (resource == null || resource.isBlank()) {
      Responses.error(req, 400, "give a resource, such as acct:collective@" + base.getHost());
      return;
    }
    HostedCollective found = null;
    for (HostedCollective h : hosts.all()) {
      String acct = "acct:" + h.id() + "@" + base.getAuthority();
      String acctHost = "acct:" + h.id() + "@" + base.getHost();
      if (resource.equalsIgnoreCase(acct) || resource.equalsIgnoreCase(acctHost)
          || resource.equals(h.actor().toString())) {
        found = h;
      }
    }
    if (found == null) {
      Responses.error(req, 404, "no such resource on this node");
      return;
    }
    ObjectNode doc = Json.object();
    doc.put("subject", "acct:" + found.id() + "@" + base.getHost());
    doc.putArray("aliases").add(found.actor().toString());
    ObjectNode self = doc.putArray("links").addObject();
    self.put("rel", "self");
    self.put("type", ActivityStreams.MEDIA_TYPE);
    self.put("href", found.actor().toString());
    Responses.json(req, 200, "application/jrd+json", doc);
  }

  void nodeinfoLinks(HttpServerRequest req) {
    ObjectNode link = Json.object();
    link.put("rel", NODEINFO_SCHEMA);
    link.put("href", hosts.base().resolve("/nodeinfo/2.1").toString());
    ObjectNode doc = Json.object();
    doc.putArray("links").add(link);
    Responses.json(req, 200, "application/json", doc);
  }

  void nodeinfo(HttpServerRequest req) {
    ObjectNode doc = Json.object();
    doc.put("version", "2.1");
    ObjectNode software = doc.putObject("software");
    software.put("name", "lattice");
    software.put("version", "0.1.0");
    software.put("homepage", "https://lattice.coop");
    doc.putArray("protocols").add("activitypub");
    doc.putObject("services").putArray("inbound");
    doc.withObject("services").putArray("outbound");
    doc.put("openRegistrations", false);
    ObjectNode usage = doc.putObject("usage");
    usage.putObject("users").put("total", hosts.size());
    long posts = hosts.all().stream().mapToLong(h -> h.collective().ledger().size()).sum();
    usage.put("localPosts", posts);
    doc.putObject("metadata").put("nodeName", "Lattice node");
    Responses.json(req, 200, "application/json; profile=\"" + NODEINFO_SCHEMA + "#\"", doc);
  }
}
