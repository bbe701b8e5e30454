/**
 * An open-model HTTP load generator: requests leave on a fixed schedule, latency counts from the intended send time.
 * Non-blocking event loops in the style of wrk2, so that the generator keeps its schedule on a small machine.
 */
package dev.origo.bench.load;
