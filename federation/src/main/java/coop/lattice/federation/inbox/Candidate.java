package coop.lattice.federation.inbox;

import coop.lattice.federation.hosting.HostedCollective;

/** A parsed activity whose ids keep to its actor's origin, addressed to a collective on this node. */
record Candidate(Parsed parsed, HostedCollective collective) {}
