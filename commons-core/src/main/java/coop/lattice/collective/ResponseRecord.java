package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.agreement.Response;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One response in a proposal's trail. Nothing is erased: a response that no longer stands says why.
 *
 * @param entry the ledger entry that recorded it
 * @param member who responded
 * @param response what they said
 * @param reason why (required for objections, concerns and advice)
 * @param at when
 * @param revision which revision of the proposal it answered (0 for the original)
 * @param resolution null while it stands; otherwise how it was resolved ("withdrawn", "replaced by
 *     a later response", "answered by revision 2")
 */
public record ResponseRecord(long entry, MemberId member, Response response, String reason, Instant at,
    int revision, @Nullable String resolution) {

  ResponseRecord resolved(String how) {
    return resolution != null ? this : new ResponseRecord(entry, member, response, reason, at, revision, how);
  }
}
