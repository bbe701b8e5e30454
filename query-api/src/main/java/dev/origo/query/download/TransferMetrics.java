package dev.origo.query.download;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Bytes served, and bytes saved: a 304 saves the whole representation, a range the part not sent.
 */
@Component
class TransferMetrics {

    private final Counter served;
    private final Counter savedByRevalidation;
    private final Counter savedByRanges;

    TransferMetrics(MeterRegistry registry) {
        this.served = Counter.builder("origo.bytes.served").baseUnit("bytes")
                .description("Content bytes sent in response bodies").register(registry);
        this.savedByRevalidation = Counter.builder("origo.bytes.saved").baseUnit("bytes").tag("by", "not_modified")
                .description("Content bytes not sent thanks to conditional requests and ranges").register(registry);
        this.savedByRanges = Counter.builder("origo.bytes.saved").baseUnit("bytes").tag("by", "range")
                .description("Content bytes not sent thanks to conditional requests and ranges").register(registry);
    }

    void notModified(long length) {
        savedByRevalidation.increment(length);
    }

    void partial(long sent, long length) {
        served.increment(sent);
        savedByRanges.increment(Math.max(0, length - sent));
    }

    void full(long length) {
        served.increment(length);
    }
}
