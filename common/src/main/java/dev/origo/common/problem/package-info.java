/**
 * RFC 9457 problem details with Origo's stable type URIs.
 */
package dev.origo.common.problem;
