package coop.lattice.federation.inbox;

import coop.lattice.federation.rdf.LinkedData;

/**
 * Authenticated; now it must be JSON-LD that Lattice reads offline, with bundled contexts only
 * (the fast path, or Jena's reader). 400 if not. Nothing is fetched.
 */
final class LinkedDataCheck implements Step<VerifiedActivity> {
  private final Step<VerifiedActivity> next;

  LinkedDataCheck(Step<VerifiedActivity> next) {
    this.next = next;
  }

  @Override
  public void accept(VerifiedActivity a) {
    try {
      LinkedData.check(a.activity(), a.body());
    } catch (LinkedData.Unreadable e) {
      a.refuse(Reason.NOT_LINKED_DATA, e.getMessage());
      return;
    }
    next.accept(a);
  }
}
