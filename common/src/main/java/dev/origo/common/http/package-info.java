/**
 * Request header fields as RFC 9110 reads them, shared by the services.
 */
package dev.origo.common.http;
