/** A bare Netty server giving the query-api's hot responses: the floor of what a JVM does here (decision 0022). */
package dev.origo.bench.floor;
