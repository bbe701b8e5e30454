package dev.origo.command.ratelimit;

import dev.origo.command.auth.Producer;
import jakarta.servlet.http.HttpServletRequest;

/** Whose budget a request spends ({@code origo.rate-limit.per}). */
public enum ClientKey {

    /** The producer key's name: every client of one producer shares its budget. */
    PRODUCER,
    /**
     * The client address: the TCP peer, or {@code X-Forwarded-For} from proxies that
     * {@code server.forward-headers-strategy} and {@code server.tomcat.remoteip.trusted-proxies} trust.
     */
    CLIENT_ADDRESS,
    /** Each producer from each address on its own. */
    PRODUCER_AND_CLIENT_ADDRESS;

    String of(HttpServletRequest request) {
        return switch (this) {
            case PRODUCER -> Producer.of(request).name();
            case CLIENT_ADDRESS -> request.getRemoteAddr();
            case PRODUCER_AND_CLIENT_ADDRESS -> Producer.of(request).name() + '@' + request.getRemoteAddr();
        };
    }
}
