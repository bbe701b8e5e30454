package dev.origo.query.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Nested
    class Matching {

        @Test
        void matchesAddressesInsideAnIpv4Range() {
            Cidr range = Cidr.parse("10.1.0.0/16");
            assertThat(range.contains("10.1.200.3")).isTrue();
            assertThat(range.contains("10.2.0.1")).isFalse();
        }

        @Test
        void honoursPrefixesThatAreNotByteAligned() {
            Cidr range = Cidr.parse("192.168.0.0/23");
            assertThat(range.contains("192.168.1.255")).isTrue();
            assertThat(range.contains("192.168.2.0")).isFalse();
        }

        @Test
        void matchesIpv6AndSingleAddresses() {
            assertThat(Cidr.parse("::1").contains("0:0:0:0:0:0:0:1")).isTrue();
            assertThat(Cidr.parse("2001:db8::/32").contains("2001:db8:1::5")).isTrue();
            assertThat(Cidr.parse("2001:db8::/32").contains("10.0.0.1")).isFalse();
        }

        @Test
        void neverMatchesSomethingThatIsNotAnAddress() {
            assertThat(Cidr.parse("0.0.0.0/0").contains("example.org")).isFalse();
            assertThat(Cidr.parse("0.0.0.0/0").contains("")).isFalse();
        }
    }

    @Test
    void refusesHostNamesAndBadPrefixes() {
        assertThatThrownBy(() -> Cidr.parse("localhost/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
