package coop.lattice.federation.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as signatures see it: method, scheme, authority, path with query, header
 * fields (names in lower case, values in order) and the exact body bytes.
 *
 * @param method the method, such as {@code POST}
 * @param scheme {@code http} or {@code https}
 * @param authority host and, unless default, port, as the {@code Host} header carries it
 * @param pathAndQuery the request target, such as {@code /inbox?x=1}
 * @param headers header fields by lower-case name
 * @param body the body, empty for none
 */
public record HttpMessage(String method, String scheme, String authority, String pathAndQuery,
    Map<String, List<String>> headers, byte[] body) {
  public HttpMessage {
    Map<String, List<String>> h = new LinkedHashMap<>();
    headers.forEach((k, v) -> h.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
    h.replaceAll((k, v) -> List.copyOf(v));
    headers = java.util.Collections.unmodifiableMap(h);
  }

  /** The field's values joined as HTTP combines them ({@code ", "}), if present. */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", v).trim());
  }

  /** A copy with {@code name} set to {@code value}, replacing earlier values. */
  public HttpMessage with(String name, String value) {
    Map<String, List<String>> h = new LinkedHashMap<>(headers);
    h.put(name.toLowerCase(Locale.ROOT), List.of(value));
    return new HttpMessage(method, scheme, authority, pathAndQuery, h, body);
  }

  /** The path without the query. */
  public String path() {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }

  /** The query with its {@code ?}, or {@code ?} alone when there is none (RFC 9421, 2.2.7). */
  public String query() {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? "?" : pathAndQuery.substring(q);
  }

  /** A request to {@code uri} (absolute; an empty path is {@code /}) with no headers yet. */
  public static HttpMessage request(String method, java.net.URI uri, byte[] body) {
    String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return request(method, uri.getScheme(), uri.getRawAuthority(), path, body);
  }

  /** A request with no headers yet. */
  public static HttpMessage request(String method, String scheme, String authority, String pathAndQuery, byte[] body) {
    return new HttpMessage(method, scheme, authority, pathAndQuery, Map.of(), body);
  }
}
