package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.UnknownMemberException;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.ledger.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * What the open ledger says of members, and what it does not (see {@code docs/privacy.md}): it
 * names them only by handles and tags; this collective knows who they are. Obtained from {@link
 * Collective#privacy()}.
 */
public final class Privacy {
  private final Collective collective;

  Privacy(Collective collective) {
    this.collective = collective;
  }

  /**
   * The member who recorded {@code entry}, as this collective knows them: the open ledger says
   * only their handle, or a tag different in every entry for a member who appears only in
   * aggregates.
   */
  public MemberId authorOf(Entry entry) {
    return collective.pseudonymizer().profiles().resolve(entry.author(), entry.sequence());
  }

  /**
   * {@code text} (an error's message, say) as it may leave the collective, to a partner or a
   * follower: every member id in it replaced by what the open ledger calls that member, their
   * handle, or "a member" for someone who appears only in aggregates. Ids are matched as whole
   * words; the rest of the text is kept as it is.
   */
  public String toOutsiders(String text) {
    return collective.pseudonymizer().profiles().toOutsiders(text);
  }

  /**
   * Entries {@code from} (inclusive) to {@code to} (exclusive) as the collective knows them: every
   * handle and tag resolved to the member, every appearance in place of its seal. For {@code
   * steward}, a member the {@code ledger-stewards} parameter names, to check the rules a partner's
   * mirror cannot (fold them in a {@link Replica}: every rule is checked on them). Their bytes are
   * not the ledger's; {@link Collective#ledger()} has those.
   *
   * @throws NotPermittedException for anyone the agreement in force does not name
   */
  public List<Entry> commands(MemberId steward, long from, long to) {
    Parameters p = collective.agreements().parameters();
    if (!p.get(Parameter.LEDGER_STEWARDS).contains(steward) || collective.member(steward).isEmpty()) {
      throw new NotPermittedException(steward + " may not read the ledger with its members resolved: only the stewards"
          + " the agreement in force names in ledger-stewards may (" + p.describeSource(Parameter.LEDGER_STEWARDS)
          + ").");
    }
    List<Entry> out = new ArrayList<>();
    for (Entry e : collective.ledger().entries(from, to)) {
      out.add(collective.pseudonymizer().resolve(e));
    }
    return out;
  }

  /**
   * Forgets {@code member}, who has left, at their request: the app's id for them and how they
   * appeared are erased from the collective's private profiles, and the sealed details of the aid
   * claims they filed or were helped by are dropped, as is their application to join. The ledger, which never held their id or
   * name, stays as it is and verifies end to end; it no longer says who they were: their entries
   * now stand for their handle, in every view. Not recorded on the ledger.
   *
   * @throws UnknownMemberException if they were never a member
   * @throws NotPermittedException while they are a member, or while a claim involving them is open
   */
  public void forget(MemberId member) {
    collective.refold(fold -> {
      Member m = fold.membership.members.get(member);
      if (m == null) {
        throw new UnknownMemberException(member + " was never a member of this collective; there is nothing to forget.");
      }
      if (m.active()) {
        throw new NotPermittedException(member + " is still a member: a member is forgotten after they leave.");
      }
      SealedClaims sealed = fold.sealedClaims();
      for (ClaimRecord c : fold.aidFund.claims.values()) {
        boolean open = c.status() == ClaimRecord.Status.OPEN || c.status() == ClaimRecord.Status.APPROVED;
        if (open && sealed.get(c.sealed()).filter(s -> s.involves(member)).isPresent()) {
          throw new NotPermittedException("Claim " + c.entry() + " involving " + member + " is still open; decide it"
              + " before they are forgotten.");
        }
      }
      sealed.forget(member);
      fold.applications().removeIf(a -> a.applicant().equals(member));
      collective.pseudonymizer().profiles().forget(member);
    });
  }
}
