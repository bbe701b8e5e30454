/**
 * Benchmarks of Origo against reference servers: run by {@code ./origo bench}, never by the test command.
 */
package dev.origo.bench;
