/**
 * Where a node's requests may go, and how origins compare. {@link
 * coop.lattice.federation.net.SafeClient} makes every outbound request (key and actor fetches,
 * deliveries, mirror pulls) with a deadline, a body cap and redirects re-checked, connecting only
 * to addresses the {@link coop.lattice.federation.net.AddressPolicy} allows (public addresses by
 * default; loopback only where a test or an operator allows it explicitly). {@link
 * coop.lattice.federation.net.Origins} normalizes and compares web origins.
 */
@NullMarked
package coop.lattice.federation.net;

import org.jspecify.annotations.NullMarked;
