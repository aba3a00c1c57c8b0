package coop.lattice.federation.http;

import java.security.Key;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Signing outbound requests and checking inbound ones, in both schemes, under one policy:
 * required coverage ({@code (request-target)}/{@code @method}+{@code @path}, {@code host}/{@code
 * @authority}, {@code date} or {@code created}, and for a body {@code digest}/{@code
 * content-digest} equal to the SHA-256 of the exact bytes), a date window (one hour by default,
 * against the injected clock), RSA keys of 2048 bits or more, no HMAC, no unknown algorithms.
 * Anything but an explicit success is a rejection.
 *
 * <pre>{@code
 * HttpSignatures.Signed s = verifier.inspect(request);   // which key, before fetching it
 * PublicKey key = fetchKeyOf(s.keyId());                 // key owner must be the activity's actor
 * s.verify(key);                                         // throws SignatureRejected unless it verifies
 * }</pre>
 */
public final class HttpSignatures {
  /** The two schemes. */
  public enum Scheme {
    /** draft-cavage-http-signatures-12. */
    CAVAGE,
    /** RFC 9421 HTTP Message Signatures. */
    RFC9421
  }

  /** IMF-fixdate (RFC 9110, 5.6.7): a two-digit day, always GMT. */
  static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
      Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final List<String> CAVAGE_POST = List.of("(request-target)", "host", "date", "digest",
      "content-type");
  private static final List<String> CAVAGE_GET = List.of("(request-target)", "host", "date");
  private static final List<String> RFC_POST = List.of("@method", "@target-uri", "content-digest", "content-type",
      "date");
  private static final List<String> RFC_GET = List.of("@method", "@target-uri", "date");

  /**
   * The {@code Accept-Signature} field (RFC 9421 section 5.1) a Lattice inbox sends with every
   * answer: RFC 9421 signatures over what Lattice signs, made with an Ed25519 key. A sender that
   * reads it may sign with its Ed25519 key from then on ({@link Signing#RFC9421_ED25519}).
   */
  public static final String ACCEPT_ED25519 =
      new StructuredFields.InnerList(RFC_POST, Map.of("alg", Algorithm.ED25519.rfc9421Name())).serialize()
          .transform(list -> "sig1=" + list);

  private final Clock clock;
  private final Duration window;

  /** A verifier with a date window of {@code window} either side of {@code clock}. */
  public HttpSignatures(Clock clock, Duration window) {
    this.clock = clock;
    this.window = window;
  }

  /** A verifier with the default window of one hour. */
  public HttpSignatures(Clock clock) {
    this(clock, Duration.ofHours(1));
  }

  /** How far from now, either way, a signature's date or {@code created} may be. */
  public Duration window() {
    return window;
  }

  /** An inbound request whose signature passed every check that does not need the key. */
  public static final class Signed {
    private final String keyId;
    private final Scheme scheme;
    private final HttpMessage message;
    private final Cavage.@Nullable Parsed cavage;
    private final Rfc9421.@Nullable Parsed rfc;

    private Signed(String keyId, Scheme scheme, HttpMessage message, Cavage.@Nullable Parsed cavage,
        Rfc9421.@Nullable Parsed rfc) {
      this.keyId = keyId;
      this.scheme = scheme;
      this.message = message;
      this.cavage = cavage;
      this.rfc = rfc;
    }

    public String keyId() {
      return keyId;
    }

    public Scheme scheme() {
      return scheme;
    }

    /** Checks the signature with the key {@link #keyId()} names. */
    public void verify(Key publicKey) throws SignatureRejected {
      boolean ok = cavage != null ? Cavage.verify(message, cavage, publicKey)
          : Rfc9421.verify(message, java.util.Objects.requireNonNull(rfc).label(), publicKey);
      if (!ok) {
        throw new SignatureRejected("the signature does not verify with key " + keyId);
      }
    }
  }

  /**
   * Checks everything but the cryptography: a readable signature in either scheme, the required
   * coverage, the date window, and the body's digest.
   */
  public Signed inspect(HttpMessage m) throws SignatureRejected {
    boolean body = m.body().length > 0 || !m.method().equals("GET") && !m.method().equals("HEAD");
    if (m.header("signature-input").isPresent()) {
      Rfc9421.Parsed p = Rfc9421.parse(m, null);
      List<String> covered = p.input().items();
      if (p.input().params().get("alg") instanceof String alg && Algorithm.ofRfc9421(alg) == Algorithm.HMAC_SHA256) {
        throw new SignatureRejected("HMAC signatures are not accepted from peers");
      }
      require(covered.contains("@method"), "the signature must cover @method");
      require(covered.contains("@target-uri") || covered.contains("@authority") && (covered.contains("@path")
          || covered.contains("@request-target")), "the signature must cover @target-uri, or @authority and @path");
      Object created = p.input().params().get("created");
      if (created instanceof Long c) {
        inWindow(Instant.ofEpochSecond(c), "created");
      } else {
        require(covered.contains("date"), "the signature must have a created parameter or cover date");
      }
      if (p.input().params().get("expires") instanceof Long e && clock.instant().isAfter(Instant.ofEpochSecond(e))) {
        throw new SignatureRejected("the signature expired at " + Instant.ofEpochSecond(e));
      }
      if (covered.contains("date")) {
        date(m);
      }
      if (body) {
        require(covered.contains("content-digest") || covered.contains("digest"),
            "a request with a body must cover content-digest");
        checkDigest(m);
      }
      String keyId = p.keyId();
      if (keyId == null) {
        throw new SignatureRejected("the signature has no keyid");
      }
      return new Signed(keyId, Scheme.RFC9421, m, null, p);
    }
    Cavage.Parsed p = Cavage.parse(m);
    List<String> covered = p.headers();
    require(covered.contains("(request-target)"), "the signature must cover (request-target)");
    require(covered.contains("host"), "the signature must cover host");
    if (covered.contains("date")) {
      date(m);
    } else {
      require(covered.contains("(created)") && p.params().containsKey("created"),
          "the signature must cover date or (created)");
      try {
        inWindow(Instant.ofEpochSecond(Long.parseLong(p.params().get("created"))), "created");
      } catch (NumberFormatException e) {
        throw new SignatureRejected("created is not a number");
      }
    }
    String expires = p.params().get("expires");
    if (expires != null) {
      Instant e;
      try {
        e = Instant.ofEpochSecond(Long.parseLong(expires.trim()));
      } catch (NumberFormatException | java.time.DateTimeException x) {
        throw new SignatureRejected("expires is not a number of seconds: " + expires);
      }
      if (clock.instant().isAfter(e)) {
        throw new SignatureRejected("the signature expired at " + e);
      }
    }
    if (body) {
      require(covered.contains("digest") || covered.contains("content-digest"), "a POST must cover digest");
      checkDigest(m);
    }
    return new Signed(p.keyId(), Scheme.CAVAGE, m, p, null);
  }

  private void checkDigest(HttpMessage m) throws SignatureRejected {
    String cd = m.header("content-digest").orElse(null);
    String d = m.header("digest").orElse(null);
    if (cd == null && d == null) {
      throw new SignatureRejected("no Digest or Content-Digest header");
    }
    if (cd != null && !Digests.contentDigestMatches(cd, m.body()) || d != null && !Digests.digestMatches(d, m.body())) {
      throw new SignatureRejected("the body's digest does not match the Digest header");
    }
  }

  private void date(HttpMessage m) throws SignatureRejected {
    String d = m.header("date").orElseThrow(() -> new SignatureRejected("no Date header"));
    Instant fast = imfFixdate(d);
    try {
      inWindow(fast != null ? fast : ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), "Date");
    } catch (DateTimeParseException e) {
      throw new SignatureRejected("the Date header \"" + d + "\" is not an HTTP date");
    }
  }

  /** The day names of IMF-fixdate, Monday first as {@link java.time.DayOfWeek} counts (no locale data on the hot path). */
  private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
  private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
      "Oct", "Nov", "Dec");

  /**
   * The preferred HTTP date form (RFC 9110, IMF-fixdate: {@code Sun, 06 Nov 1994 08:49:37 GMT}),
   * parsed by position; null for anything else, which the general parser then handles.
   */
  static @Nullable Instant imfFixdate(String d) {
    if (d.length() != 29 || d.charAt(3) != ',' || d.charAt(4) != ' ' || d.charAt(7) != ' ' || d.charAt(11) != ' '
        || d.charAt(16) != ' ' || d.charAt(19) != ':' || d.charAt(22) != ':' || !d.endsWith(" GMT")) {
      return null;
    }
    int month = MONTHS.indexOf(d.substring(8, 11)) + 1;
    try {
      if (month == 0) {
        return null;
      }
      java.time.LocalDateTime t = java.time.LocalDateTime.of(Integer.parseInt(d.substring(12, 16)), month,
          Integer.parseInt(d.substring(5, 7)), Integer.parseInt(d.substring(17, 19)), Integer.parseInt(d.substring(20, 22)),
          Integer.parseInt(d.substring(23, 25)));
      if (!d.startsWith(DAYS.get(t.getDayOfWeek().ordinal()))) {
        return null;
      }
      return t.toInstant(ZoneOffset.UTC);
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return null;
    }
  }

  private void inWindow(Instant t, String what) throws SignatureRejected {
    Instant now = clock.instant();
    if (t.isBefore(now.minus(window)) || t.isAfter(now.plus(window))) {
      throw new SignatureRejected(what + " " + t + " is outside " + window + " of now (" + now + ")");
    }
  }

  private static void require(boolean ok, String message) throws SignatureRejected {
    if (!ok) {
      throw new SignatureRejected(message);
    }
  }

  /**
   * True when an {@code Accept-Signature} field asks for RFC 9421 signatures with Ed25519 (any
   * member with {@code alg="ed25519"}); false for anything else, an unreadable field included.
   */
  public static boolean asksForEd25519(@Nullable String acceptSignature) {
    if (acceptSignature == null || acceptSignature.isBlank()) {
      return false;
    }
    try {
      return StructuredFields.dictionary(acceptSignature).values().stream()
          .anyMatch(m -> m instanceof StructuredFields.InnerList l
              && Algorithm.ED25519.rfc9421Name().equals(l.params().get("alg")));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Signs an outbound request: sets {@code Host} and {@code Date}, a digest for a body, and the
   * signature in {@code scheme} with the key {@code keyId} names.
   */
  public static HttpMessage sign(HttpMessage m, Scheme scheme, String keyId, PrivateKey key, Instant now) {
    boolean body = !m.method().equals("GET") && !m.method().equals("HEAD");
    HttpMessage out = m.with("host", m.authority()).with("date", HTTP_DATE.format(now));
    if (body) {
      out = scheme == Scheme.CAVAGE ? out.with("digest", Digests.digest(m.body()))
          : out.with("content-digest", Digests.contentDigest(m.body()));
      if (out.header("content-type").isEmpty()) {
        out = out.with("content-type", "application/activity+json");
      }
    }
    if (scheme == Scheme.CAVAGE) {
      return Cavage.sign(out, keyId, key, body ? CAVAGE_POST : CAVAGE_GET);
    }
    Algorithm alg;
    try {
      alg = Algorithm.of(key);
    } catch (SignatureRejected e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return Rfc9421.sign(out, "sig1", body ? RFC_POST : RFC_GET, now.getEpochSecond(), keyId, alg, alg, key);
  }

}
