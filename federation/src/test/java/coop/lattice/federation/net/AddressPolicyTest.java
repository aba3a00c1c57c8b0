package coop.lattice.federation.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every blocked range of the reference is refused; public unicast addresses pass; the allow-list is exact. */
class AddressPolicyTest {
  final AddressPolicy policy = AddressPolicy.publicOnly();

  @ParameterizedTest
  @ValueSource(strings = {"0.1.2.3", "10.1.2.3", "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.255.0.1",
      "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.88.99.1", "192.168.1.1",
      "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.1.1.1", "240.0.0.1",
      "255.255.255.255", "::", "::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::808:808", "2001::1",
      "2001:1ff::1", "2001:db8::1", "2002:c0a8:101::1", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "100::1"})
  void blocked(String address) throws Exception {
    assertThat(policy.refusal(InetAddress.getByName(address), 443)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "100.128.0.1", "172.32.0.1", "198.20.0.1",
      "2606:4700:4700::1111", "2a00:1450:4001:81b::200e", "2001:200::1"})
  void allowed(String address) throws Exception {
    assertThat(policy.refusal(InetAddress.getByName(address), 443)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {3000, 3001})
  void theAllowListIsOneAddressAndOnePort(int port) throws Exception {
    AddressPolicy tests = policy.allowing(InetAddress.getByName("127.0.0.1"), 3000);
    assertThat(tests.refusal(InetAddress.getByName("127.0.0.1"), port).isEmpty()).isEqualTo(port == 3000);
    assertThat(tests.refusal(InetAddress.getByName("127.0.0.2"), 3000)).isPresent();
  }
}
