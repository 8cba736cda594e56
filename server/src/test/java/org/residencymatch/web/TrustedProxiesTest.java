package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    static final TrustedProxies BALANCERS = TrustedProxies.parse("10.0.0.0/8, 192.168.1.10 fd00::/8");

    @Test
    void theClientIsTheRightMostUntrustedEntryWhenThePeerIsTrusted() {
        assertThat(BALANCERS.clientAddress("10.1.2.3", List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
        // The client may write anything left of what the balancer appends.
        assertThat(BALANCERS.clientAddress("10.1.2.3", List.of("1.2.3.4, 198.51.100.7"))).isEqualTo("198.51.100.7");
        // Several balancers in a row: each appends its peer.
        assertThat(BALANCERS.clientAddress("10.1.2.3", List.of("1.2.3.4, 198.51.100.7, 10.9.9.9", "192.168.1.10")))
                .isEqualTo("198.51.100.7");
        assertThat(BALANCERS.clientAddress("fd00::1", List.of("2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(BALANCERS.clientAddress("10.1.2.3", List.of())).as("no header").isEqualTo("10.1.2.3");
    }

    @Test
    void theHeaderIsIgnoredFromAnUntrustedPeerOrWithoutTrustedProxies() {
        assertThat(BALANCERS.clientAddress("198.51.100.7", List.of("10.1.2.3"))).isEqualTo("198.51.100.7");
        assertThat(BALANCERS.clientAddress("192.168.1.11", List.of("1.1.1.1"))).isEqualTo("192.168.1.11");
        assertThat(TrustedProxies.NONE.clientAddress("10.1.2.3", List.of("1.1.1.1"))).isEqualTo("10.1.2.3");
        assertThat(TrustedProxies.parse(" ").clientAddress("127.0.0.1", List.of("1.1.1.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void rangesAreMatchedBitByBit() {
        TrustedProxies proxies = TrustedProxies.parse("172.16.0.0/12,2001:db8:abcd::/48");
        assertThat(proxies.trusts("172.31.255.255")).isTrue();
        assertThat(proxies.trusts("172.32.0.0")).isFalse();
        assertThat(proxies.trusts("2001:db8:abcd:12::1")).isTrue();
        assertThat(proxies.trusts("2001:db8:abce::1")).isFalse();
        assertThat(proxies.trusts("::ffff:172.16.0.1")).as("an IPv4-mapped address is its IPv4 address").isTrue();
        assertThat(proxies.trusts("not-an-address")).isFalse();
    }

    @Test
    void anUnreadableEntryIsRefusedNamingIt() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, lb.internal")).hasMessageContaining("\"lb.internal\"");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("0 to 32");
        assertThatThrownBy(() -> TrustedProxies.parse("fd00::/129")).hasMessageContaining("0 to 128");
    }
}
