package coop.lattice.federation.json;

/** The ActivityStreams and security vocabulary a node speaks: context URLs, media types, addresses. */
public final class ActivityStreams {
  /** The ActivityStreams 2.0 context, also the namespace. */
  public static final String CONTEXT = "https://www.w3.org/ns/activitystreams";
  /** The public collection: addressed to it, an activity is for anyone. */
  public static final String PUBLIC = CONTEXT + "#Public";
  /** The ActivityPub media type. */
  public static final String MEDIA_TYPE = "application/activity+json";
  /** The security vocabulary that {@code publicKey} comes from. */
  public static final String SECURITY = "https://w3id.org/security/v1";
  /** FEP-521a's Multikey, for {@code assertionMethod}. */
  public static final String MULTIKEY = "https://w3id.org/security/multikey/v1";
  /** Lattice's own terms ({@code sequence}, {@code entry}, {@code checkpoint}). */
  public static final String LATTICE = "https://lattice.coop/ns#";

  private ActivityStreams() {}
}
