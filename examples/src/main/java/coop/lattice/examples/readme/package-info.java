/**
 * The README's code, as code: each class holds one snippet of {@code README.md} between {@code
 * // snippet:start name} and {@code // snippet:end}, and the README shows exactly those lines
 * (imports left out). {@code ReadmeTest} checks that the two never drift apart and runs every
 * snippet, asserting what the README says it does.
 *
 * <p>{@link coop.lattice.examples.readme.Embedding} keeps a ledger in a file journal; {@link
 * coop.lattice.examples.readme.Agreements} adopts an agreement by consent; {@link
 * coop.lattice.examples.readme.Rotation} plans a fair responsibility map with a swap; {@link
 * coop.lattice.examples.readme.SigningUp} has members sign up first and the rotation fill the rest; {@link
 * coop.lattice.examples.readme.HealthAndMetrics} reads the health report and the needs met;
 * {@link coop.lattice.examples.readme.TimeBank} moves hours; {@link
 * coop.lattice.examples.readme.TradeAndClearing} trades with partners and clears a cycle of debt;
 * {@link coop.lattice.examples.readme.TwoNodes} runs two federation nodes on loopback that follow,
 * trade with and mirror each other; {@link coop.lattice.examples.readme.Observability} gives a node
 * a meter registry and reopens a journal with progress.
 */
@NullMarked
package coop.lattice.examples.readme;

import org.jspecify.annotations.NullMarked;
