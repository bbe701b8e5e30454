/**
 * JMH microbenchmarks of the query-api's hot-path types: preconditions, ranges, cache lookups.
 */
package dev.origo.bench.jmh;
