package coop.lattice.wall;

/**
 * Something the wall rendered, ready to send: its media type (with its charset) and its bytes.
 *
 * @param contentType the media type, such as {@code text/html; charset=utf-8}
 * @param body the bytes
 */
public record Rendered(String contentType, byte[] body) {
  /** HTML pages. */
  public static final String HTML = "text/html; charset=utf-8";
  /** The iCalendar feeds (RFC 5545). */
  public static final String CALENDAR = "text/calendar; charset=utf-8";
  /** The stylesheet. */
  public static final String CSS = "text/css; charset=utf-8";

  public Rendered {
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
