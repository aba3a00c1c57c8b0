package coop.lattice.launcher.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A peer a node may reach although its address is not public: an IP address and a port. */
public record Peer(InetAddress address, int port) {
  /** Reads {@code address:port} (no name is looked up); throws saying what to write instead. */
  public static Peer parse(String peer) {
    int colon = peer.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("write it as address:port, such as 127.0.0.1:8081");
    }
    String host = peer.substring(0, colon).replace("[", "").replace("]", "");
    int port;
    try {
      port = Integer.parseInt(peer.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the port is not a number; write address:port, such as 127.0.0.1:8081");
    }
    if (port < 1 || port > 65535 || !(host.matches("[0-9.]+") || host.contains(":"))) {
      throw new IllegalArgumentException("write an IP address and a port from 1 to 65535, such as 127.0.0.1:8081");
    }
    try {
      return new Peer(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("`" + host + "` is not an IP address; write one, such as 127.0.0.1:8081");
    }
  }
}
