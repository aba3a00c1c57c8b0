package coop.lattice.federation.http;

/**
 * How a request to one host is signed: which scheme, and with which of the actor's keys.
 *
 * <p>Servers that speak RFC 9421 look the key up by its id; most (Fedify, Mastodon's RFC 9421
 * support) find only the RSA key an actor lists as {@code publicKey}, so the RSA key signs the
 * first RFC 9421 request to a host. Ed25519 (ten times cheaper to sign) is used for a host once it
 * has asked for it with {@code Accept-Signature} ({@link HttpSignatures#ACCEPT_ED25519}), as every
 * Lattice inbox does; draft-cavage with the RSA key for a host that refuses RFC 9421.
 */
public enum Signing {
  /** RFC 9421, {@code ed25519}, the key listed under {@code assertionMethod}. */
  RFC9421_ED25519(HttpSignatures.Scheme.RFC9421),
  /** RFC 9421, {@code rsa-v1_5-sha256}, the key listed as {@code publicKey}. */
  RFC9421_RSA(HttpSignatures.Scheme.RFC9421),
  /** draft-cavage-http-signatures-12, {@code rsa-sha256}, the key listed as {@code publicKey}. */
  CAVAGE_RSA(HttpSignatures.Scheme.CAVAGE);

  private final HttpSignatures.Scheme scheme;

  Signing(HttpSignatures.Scheme scheme) {
    this.scheme = scheme;
  }

  public HttpSignatures.Scheme scheme() {
    return scheme;
  }

  /** True when the actor's Ed25519 key signs, false when its RSA key does. */
  public boolean ed25519() {
    return this == RFC9421_ED25519;
  }
}
