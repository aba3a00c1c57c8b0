package coop.lattice.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.federation.http.HttpSignatures;

/** An inspected arrival whose body is a JSON object within limits, with an id, an actor and a type. */
record Parsed(Arrival arrival, HttpSignatures.Signed signed, ObjectNode activity, String id, String actor,
    String type) {}
