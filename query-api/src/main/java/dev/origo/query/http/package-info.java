/**
 * RFC 9110 mechanics of a download, free of Spring and the servlet API: entity-tags, HTTP-dates,
 * conditional-request evaluation (§13.2.2), byte-range parsing (§14.2) and multipart/byteranges framing.
 */
package dev.origo.query.http;
