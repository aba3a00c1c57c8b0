/**
 * HTTP signatures, both schemes the fediverse speaks, under one fail-closed policy. Start at
 * {@link coop.lattice.federation.http.HttpSignatures}: {@code sign} for outbound requests, {@code
 * inspect} then {@code Signed.verify} for inbound ones (which key, before fetching it; then the
 * check). {@link coop.lattice.federation.http.HttpMessage} is the request as signed bytes see it;
 * {@code Cavage} (draft-cavage-12) and {@code Rfc9421} (RFC 9421, with {@code StructuredFields}
 * from RFC 8941) build and parse each scheme's signature base; {@link
 * coop.lattice.federation.http.Digests} makes and checks {@code Digest} and {@code
 * Content-Digest}; {@link coop.lattice.federation.http.Algorithm} names the algorithms allowed.
 * Every refusal is a {@link coop.lattice.federation.http.SignatureRejected} saying why.
 */
@NullMarked
package coop.lattice.federation.http;

import org.jspecify.annotations.NullMarked;
