package dev.origo.purge.provider;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code varnish} provider (any HTTP cache that understands {@code PURGE} and {@code BAN}).
 *
 * @param edges     every edge to purge (each gets every request); the local stack's edge by default
 * @param banHeader the request header naming the tag of a {@code BAN}, as the shipped VCL reads it
 */
@ConfigurationProperties("origo.purge.varnish")
public record VarnishProperties(
        @DefaultValue("http://127.0.0.1:8000") List<URI> edges,
        @DefaultValue("X-Ban-Tag") String banHeader) {
}
