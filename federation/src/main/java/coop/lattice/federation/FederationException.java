package coop.lattice.federation;

/**
 * The root of everything the federation module refuses or cannot do: a signature that does not
 * verify ({@code SignatureRejected}), a document that is not JSON-LD Lattice reads offline
 * ({@code LinkedData.Unreadable}), an outbound request the address policy forbids ({@code
 * SafeClient.Refused}), an inbound activity refused with an HTTP status. Unchecked, like {@code
 * LatticeException} in the core: callers that can act catch the specific subclass.
 */
public class FederationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FederationException(String message) {
    super(message);
  }

  public FederationException(String message, Throwable cause) {
    super(message, cause);
  }
}
