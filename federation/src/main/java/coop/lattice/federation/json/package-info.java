/**
 * JSON for documents that come from other servers, and the ActivityStreams vocabulary. {@link
 * coop.lattice.federation.json.Json} parses under explicit limits with duplicate keys refused and
 * reads ids and text fields; {@link coop.lattice.federation.json.ActivityStreams} names the
 * contexts and media types. Not exported: internal to the federation module.
 */
@NullMarked
package coop.lattice.federation.json;

import org.jspecify.annotations.NullMarked;
