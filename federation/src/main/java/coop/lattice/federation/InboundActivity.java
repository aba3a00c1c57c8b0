package coop.lattice.federation;

import coop.lattice.CollectiveId;
import java.time.Instant;

/**
 * An activity a node accepted for one of its collectives, after its signature verified and its
 * key's owner proved to be its actor. The JSON is kept as data: escape it on every output path.
 *
 * @param collective whose inbox it came to (or, through the shared inbox, whom it addressed)
 * @param type the activity's type, such as {@code Create}
 * @param id its id; another activity with it is refused as a replay for as long as a signature
 *     could still carry it (twice the signature window and ten minutes)
 * @param actor who sent it
 * @param json its exact bytes, as received
 * @param received when
 */
public record InboundActivity(CollectiveId collective, String type, String id, String actor, byte[] json,
    Instant received) {}
