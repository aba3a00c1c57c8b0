package coop.lattice.collective;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a collective's witnesses (partners that mirror its ledger and cosign its checkpoints) have
 * cosigned, as its node tells it ({@link Collective#witnessed}). Not on the ledger: a cosignature
 * is about the ledger, and writing it there would make a new entry for the witnesses to cosign.
 *
 * @param size the largest size cosigned by at least as many witnesses as the agreement asks (or by any, if it asks none)
 * @param at when that cosignature was made; null if none yet
 * @param witnesses how many witnesses have cosigned it
 */
public record Witnessing(long size, @Nullable Instant at, int witnesses) {
  /** Nothing cosigned yet. */
  public static final Witnessing NONE = new Witnessing(0, null, 0);

  public Witnessing {
    if (size < 0 || witnesses < 0) {
      throw new IllegalArgumentException("a size and a count of witnesses of 0 or more, not " + size + " and "
          + witnesses);
    }
  }
}
