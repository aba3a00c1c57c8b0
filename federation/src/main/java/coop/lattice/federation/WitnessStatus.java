package coop.lattice.federation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a collective's witnesses have seen of its ledger.
 *
 * @param cosigned each witness (its actor URL) with the largest checkpoint size it cosigned
 * @param lastCosigned when the latest cosignature was made, by the witness's clock; null if none yet
 * @param held why the collective is held (a witness holds a newer or different history than its
 *     ledger: a rollback), until an operator decides to carry on; null when it is not
 * @param disagreements cosignatures, or witnesses' checkpoints, that do not fit this ledger
 */
public record WitnessStatus(Map<String, Long> cosigned, @Nullable Instant lastCosigned, @Nullable String held,
    List<String> disagreements) {}
