/**
 * The local stack's engines, runnable as processes by {@code ./origo} and in-process by the tests:
 * PostgreSQL and the S3-compatible server. The Kafka broker runs from Apache Kafka's own main class.
 */
package dev.origo.infra;
