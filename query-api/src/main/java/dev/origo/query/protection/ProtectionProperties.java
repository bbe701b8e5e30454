package dev.origo.query.protection;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Origin protection: only the CDN should reach the origin, and private-link guessing is throttled.
 * The client address is the TCP peer unless {@code server.forward-headers-strategy=native} and
 * {@code server.tomcat.remoteip.trusted-proxies} say which proxies' {@code X-Forwarded-For} to trust.
 *
 * @param allowedCidrs       client ranges allowed to reach content paths (e.g. the CDN's); empty allows all
 * @param secretHeader       the header an edge adds to prove it is the edge
 * @param secret             the expected value of {@code secretHeader}; unset disables the check
 * @param privateLinkRate    private-link lookups allowed per client per {@code privateLinkWindow}
 * @param privateLinkWindow  the window of that rate (a token bucket refilled evenly over it)
 */
@ConfigurationProperties("origo.protection")
public record ProtectionProperties(
        @DefaultValue List<String> allowedCidrs,
        @DefaultValue("X-Origin-Secret") String secretHeader,
        String secret,
        @DefaultValue("600") int privateLinkRate,
        @DefaultValue("1m") Duration privateLinkWindow) {
}
