package coop.lattice.federation.inbox;

import coop.lattice.federation.http.HttpSignatures;

/** An arrival whose signature is well formed, fresh and covers what it must; not yet verified. */
record Inspected(Arrival arrival, HttpSignatures.Signed signed) {}
