package coop.lattice.federation.rdf;

/** Thrown inside {@link FastPath}'s walk when the document leaves the subset it reads; no stack trace. */
final class Decline extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Decline() {
    super(null, null, false, false);
  }
}
