/**
 * Where a ledger's records live: the {@link coop.lattice.store.LedgerStore} SPI.
 *
 * <p>Two stores ship: {@link coop.lattice.store.LedgerStore#inMemory()} for tests and for apps
 * that persist elsewhere, and {@link coop.lattice.store.FileJournal}, the durable default, with
 * CRC32C-framed records in segment files, group commit, torn-tail repair and damage detection on
 * open. Stores hold opaque bytes; the ledger above them verifies hashes and signatures.
 *
 * <p>A {@code FileJournal} has one writer: {@link coop.lattice.store.DirectoryLock} keeps a second
 * one out (another process or this one) and names the holder; {@code FileJournal.openReadOnly}
 * reads beside a running writer without locking or writing.
 */
@NullMarked
package coop.lattice.store;

import org.jspecify.annotations.NullMarked;
