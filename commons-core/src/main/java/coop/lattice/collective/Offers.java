package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.exchange.Posting;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Offers and requests inside a collective: post, answer, commit, fulfil, confirm, each a ledger
 * entry. Obtained from {@link Collective#offers()}.
 *
 * <p>Pending steps expire: nobody can answer or commit to a posting after its expiry, fulfil a
 * commitment after its due date, or confirm a fulfilment after the agreed confirmation window.
 * A posting in hours moves time-bank balances when it is confirmed, within the limits in force.
 */
public final class Offers {
  private final Collective collective;

  Offers(Collective collective) {
    this.collective = collective;
  }

  /**
   * {@code by} posts an offer or a request.
   *
   * @return its reference
   */
  public long post(MemberId by, Posting posting) {
    return collective.submit(by, new Event.NeedPosted(posting)).sequence();
  }

  /** {@code by} answers: they would give what a request asks, or take up an offer. */
  public Entry answer(MemberId by, long posting, String note) {
    return collective.submit(by, new Event.PostingAnswered(posting, note));
  }

  /** The poster commits with {@code with}, one who answered, to do it by {@code due}. */
  public Entry commit(MemberId poster, long posting, MemberId with, LocalDate due) {
    return collective.submit(poster, new Event.PostingCommitted(posting, with, due));
  }

  /** The giving side says it was done. */
  public Entry fulfil(MemberId giver, long posting) {
    return collective.submit(giver, new Event.PostingFulfilled(posting));
  }

  /** The receiving side confirms it. */
  public Entry confirm(MemberId receiver, long posting) {
    return collective.submit(receiver, new Event.PostingConfirmed(posting));
  }

  public Optional<PostingRecord> posting(long entry) {
    return collective.read(f -> Optional.ofNullable(f.offers.postings.get(entry)));
  }

  /** Postings still open for answers at {@code at}, oldest first. */
  public List<PostingRecord> open(Instant at) {
    return collective.read(f -> f.offers.postings.values().stream()
        .filter(p -> p.stage() == PostingRecord.Stage.OPEN && at.isBefore(p.posting().expires())).toList());
  }
}
