package coop.lattice.federation.net;

import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * What a remote address counts as when the node limits what one sender may do: its IPv4 address,
 * or its IPv6 /64 (one host is usually given a whole /64, and could otherwise rotate through it).
 */
public final class AddressGroups {
  private AddressGroups() {}

  /** The group of {@code address}; {@code "unknown"} when there is none. */
  public static String of(@Nullable SocketAddress address) {
    if (address == null || address.hostAddress() == null) {
      return "unknown";
    }
    String host = address.hostAddress();
    if (host.indexOf(':') < 0) {
      return host;
    }
    try {
      InetAddress a = InetAddress.getByName(host); // a literal: parsed, never looked up
      byte[] b = a.getAddress();
      return b.length == 4 ? a.getHostAddress() : HexFormat.of().formatHex(Arrays.copyOf(b, 8)) + "::/64";
    } catch (UnknownHostException e) {
      return host;
    }
  }
}
