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
 *
 * <p>Inside, one class per file a journal keeps: {@code SegmentFormat} (the bytes of a segment
 * and what a crash leaves of them), {@code AcknowledgedSize} (how many records {@code sync}
 * acknowledged, so that losing them is reported on open instead of passing for a shorter
 * journal) and {@code CheckpointFile}; and {@code JournalFiles}, every file operation the
 * journal makes, so that tests can run it over a simulated disk that loses what was not forced.
 *
 * <p>Beside the ledger, a store keeps a few private files that never leave the collective ({@link
 * coop.lattice.store.PrivateArea}: sealed claim details, profiles), already encrypted when they
 * arrive; a journal keeps them in {@code private/} ({@code JournalPrivateArea}).
 */
@NullMarked
package coop.lattice.store;

import org.jspecify.annotations.NullMarked;
