/**
 * Runnable examples. {@link coop.lattice.examples.FirstLedger} founds a food co-op on a file
 * journal, records and acknowledges contributions, proves an entry is in the ledger, and
 * reopens the journal to verify it from disk. {@link coop.lattice.examples.ReopenWithProgress}
 * reopens a journal of 200,000 entries with progress bars on standard error.
 */
@NullMarked
package coop.lattice.examples;

import org.jspecify.annotations.NullMarked;
