/**
 * An open-model HTTP load generator: requests leave on a fixed schedule, latency counts from the intended send time.
 */
package dev.origo.bench.load;
