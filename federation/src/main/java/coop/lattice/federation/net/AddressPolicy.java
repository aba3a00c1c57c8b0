package coop.lattice.federation.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which addresses an outbound request may connect to. By default only public unicast addresses:
 * every range in {@code reference/security.md} is refused, most of which {@link InetAddress}
 * does not know about (carrier-grade NAT, benchmarking, documentation, 6to4, NAT64, IPv4-mapped
 * IPv6, and everything outside 2000::/3). Tests that run peers on loopback name each {@code
 * address:port} they may reach in an explicit allow-list; there is no switch to allow a range.
 *
 * <p>IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}) reach the IPv4 address they embed, and
 * Java parses them as that address, so they are judged as it: {@code ::ffff:127.0.0.1} is loopback.
 */
public final class AddressPolicy {
  private static final List<Cidr> BLOCKED = List.of(
      cidr("0.0.0.0/8"), cidr("10.0.0.0/8"), cidr("100.64.0.0/10"), cidr("127.0.0.0/8"), cidr("169.254.0.0/16"),
      cidr("172.16.0.0/12"), cidr("192.0.0.0/24"), cidr("192.0.2.0/24"), cidr("192.88.99.0/24"),
      cidr("192.168.0.0/16"), cidr("198.18.0.0/15"), cidr("198.51.100.0/24"), cidr("203.0.113.0/24"),
      cidr("224.0.0.0/4"), cidr("240.0.0.0/4"),
      cidr("2001::/23"), cidr("2001:db8::/32"), cidr("2002::/16"), cidr("64:ff9b::/96"), cidr("::/128"),
      cidr("::1/128"), cidr("fc00::/7"), cidr("fe80::/10"));
  private static final Cidr GLOBAL_UNICAST_V6 = cidr("2000::/3");

  private final Set<InetSocketAddress> allowed;

  private AddressPolicy(Set<InetSocketAddress> allowed) {
    this.allowed = Set.copyOf(allowed);
  }

  /** Public addresses only. */
  public static AddressPolicy publicOnly() {
    return new AddressPolicy(Set.of());
  }

  /** This policy, also allowing exactly {@code address}:{@code port} (for peers on loopback in tests). */
  public AddressPolicy allowing(InetAddress address, int port) {
    java.util.HashSet<InetSocketAddress> a = new java.util.HashSet<>(allowed);
    a.add(new InetSocketAddress(address, port));
    return new AddressPolicy(a);
  }

  /** Why a connection to {@code address}:{@code port} is refused; empty when it is allowed. */
  public Optional<String> refusal(InetAddress address, int port) {
    if (allowed.contains(new InetSocketAddress(address, port))) {
      return Optional.empty();
    }
    byte[] raw = address.getAddress();
    if (raw.length == 16 && !GLOBAL_UNICAST_V6.contains(raw)) {
      return Optional.of(address.getHostAddress() + " is outside 2000::/3 (not global unicast)");
    }
    for (Cidr c : BLOCKED) {
      if (c.contains(raw)) {
        return Optional.of(address.getHostAddress() + " is in the blocked range " + c.text());
      }
    }
    return Optional.empty();
  }

  private record Cidr(String text, byte[] network, int bits) {
    boolean contains(byte[] a) {
      if (a.length != network.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  private static Cidr cidr(String text) {
    int slash = text.indexOf('/');
    try {
      return new Cidr(text, InetAddress.getByName(text.substring(0, slash)).getAddress(),
          Integer.parseInt(text.substring(slash + 1)));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
