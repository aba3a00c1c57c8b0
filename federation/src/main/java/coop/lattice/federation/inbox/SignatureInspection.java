package coop.lattice.federation.inbox;

import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.http.SignatureRejected;
import coop.lattice.federation.net.Origins;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the HTTP signature without its key: sent to this node (a {@code Host} that is not the
 * node's own authority is a 421: a request signed for another server, replayed here), present, well
 * formed, within the date window, not expired, covering what it must, with a digest that matches
 * the body (draft-cavage or RFC 9421), naming its key by a URL without user info. 401 if not.
 */
final class SignatureInspection implements Step<Arrival> {
  private final URI base;
  private final HttpSignatures signatures;
  private final Step<Inspected> next;

  SignatureInspection(URI base, HttpSignatures signatures, Step<Inspected> next) {
    this.base = base;
    this.signatures = signatures;
    this.next = next;
  }

  @Override
  public void accept(Arrival a) {
    HttpServerRequest req = a.request();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    req.headers().forEach(e -> headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
        .add(e.getValue()));
    String host = req.getHeader("host");
    if (host != null && !Origins.sameOrigin(base.getScheme() + "://" + host.strip(), base.toString())) {
      a.refuse(Reason.MISDIRECTED, "the request is for " + host.strip() + ", and this node is " + base.getAuthority()
          + ": a signed request counts only at the server it was signed for");
      return;
    }
    String authority = host == null ? base.getAuthority() : host.strip();
    HttpMessage m = new HttpMessage("POST", base.getScheme(), authority, req.uri(), headers, a.body());
    HttpSignatures.Signed signed;
    try {
      signed = signatures.inspect(m);
    } catch (SignatureRejected e) {
      a.refuse(Reason.SIGNATURE, "signature rejected: " + e.getMessage());
      return;
    }
    if (hasUserInfo(signed.keyId())) {
      a.refuse(Reason.SIGNATURE, "the key id " + signed.keyId() + " has user info; a key is named by its URL alone");
      return;
    }
    next.accept(new Inspected(a, signed));
  }

  /** {@code http://user@host/...}: user info, which would give one server many names (and many budgets). */
  static boolean hasUserInfo(String url) {
    int start = url.indexOf("://");
    if (start < 0) {
      return false;
    }
    int end = start + 3;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    return url.substring(start + 3, end).indexOf('@') >= 0;
  }
}
