package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.Parameter;
import coop.lattice.exchange.ClaimDetails;
import coop.lattice.exchange.FundId;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Mutual aid funds: contributions in, claims out under the rules of the agreement in force
 * ({@code aid-fund-max-claim}, {@code aid-fund-approvals}, {@code aid-fund-decide-within-days},
 * {@code aid-fund-stewards}). Obtained from {@link Collective#aidFund()}.
 *
 * <p>The fund's totals are public. Who claims, who filed the claim and why are not: the open
 * ledger holds only the seal of the {@link ClaimDetails}, on an entry the collective authors on
 * its own behalf ({@link Collective#ITSELF}) whoever files it. The details are kept sealed beside
 * the ledger (encrypted in the store's private area, so they survive restarts), to be read only by
 * the stewards the agreement names (or, while it names none, by the claimant). The collective's
 * rules read them: a claimant, or whoever filed a claim, never approves, declines or pays it, by
 * any path. Claims filed before details were kept this way get theirs back with {@link
 * #restoreDetails}, which checks them against the seal and keeps them.
 */
public final class AidFund {
  private final Collective collective;

  AidFund(Collective collective) {
    this.collective = collective;
  }

  /** {@code by} opens a fund counted in {@code unit}. */
  public Entry open(MemberId by, FundId fund, String name, Unit unit) {
    return collective.submit(by, new Event.FundOpened(fund, name, unit));
  }

  /** {@code by} pays into the fund. */
  public Entry payIn(MemberId by, FundId fund, Quantity quantity) {
    return collective.submit(by, new Event.FundContribution(fund, quantity));
  }

  /**
   * {@code by} (the claimant, or a steward on their behalf) files a claim. The entry records only
   * the details' seal and is authored by the collective itself; who filed it and the details are
   * kept sealed, durably, before it is appended.
   *
   * @return the claim's reference
   */
  public long claim(MemberId by, FundId fund, Quantity quantity, ClaimDetails claimDetails) {
    SealedClaims.Sealed sealed = new SealedClaims.Sealed(by, claimDetails);
    SealedClaims kept = collective.sealedClaims();
    return collective.appendKeeping(Collective.ITSELF, sequence -> {
      kept.put(sealed);
      return new Collective.Kept(new Event.AidClaimed(fund, quantity, claimDetails.seal()),
          () -> kept.remove(claimDetails.seal()));
    }).sequence();
  }

  /** A steward approves; once enough have, the claim can be paid. A steward cannot approve their own claim. */
  public Entry approve(MemberId steward, long claim) {
    return collective.submit(steward, new Event.AidApproved(claim));
  }

  /** A steward declines, with a public reason (keep the details out of it). */
  public Entry decline(MemberId steward, long claim, String reason) {
    return collective.submit(steward, new Event.AidDeclined(claim, reason));
  }

  /** A steward pays out an approved claim; the fund never goes below zero. */
  public Entry pay(MemberId steward, long claim) {
    return collective.submit(steward, new Event.AidPaid(claim));
  }

  /**
   * The details of {@code claim}, for {@code viewer} if the agreement in force lets them read
   * them: a named steward, or, while none are named, the claimant alone. Empty when this
   * collective does not hold the details (a claim filed before they were kept sealed, until {@link
   * #restoreDetails}).
   *
   * @throws NotPermittedException for anyone else
   */
  public Optional<ClaimDetails> details(MemberId viewer, long claim) {
    @Nullable ClaimDetails d = claim(claim).flatMap(c -> collective.sealedClaims().get(c.sealed()))
        .map(SealedClaims.Sealed::details).orElse(null);
    List<MemberId> stewards = collective.agreements().parameters().get(Parameter.AID_FUND_STEWARDS);
    boolean may = stewards.isEmpty() ? d != null && d.claimant().equals(viewer) : stewards.contains(viewer);
    if (!may) {
      throw new NotPermittedException(viewer + " may not read the details of claim " + claim + ": only the stewards"
          + " the fund's agreement names may.");
    }
    return Optional.ofNullable(d);
  }

  /** Hands back details kept outside Lattice, after checking them against the claim's seal on the ledger. */
  public void restoreDetails(long claim, ClaimDetails claimDetails) {
    ClaimRecord c = claim(claim).orElseThrow(() -> new UnknownReferenceException("There is no claim at entry " + claim
        + "."));
    if (!c.sealed().equals(claimDetails.seal())) {
      throw new ConflictException("These details do not match the seal of claim " + claim + " on the ledger.");
    }
    collective.sealedClaims().put(new SealedClaims.Sealed(c.filedBy(), claimDetails));
  }

  public Optional<FundRecord> fund(FundId id) {
    return collective.read(f -> Optional.ofNullable(f.aidFund.funds.get(id)));
  }

  public List<FundRecord> funds() {
    return collective.read(f -> List.copyOf(f.aidFund.funds.values()));
  }

  public Optional<ClaimRecord> claim(long entry) {
    return collective.read(f -> Optional.ofNullable(f.aidFund.claims.get(entry)));
  }

  /** Claims still open past the time the agreement gives the stewards, at {@code at}. */
  public List<ClaimRecord> overdue(Instant at) {
    return collective.read(f -> f.aidFund.claims.values().stream()
        .filter(c -> c.status() == ClaimRecord.Status.OPEN && !at.isBefore(c.decideBy())).toList());
  }
}
