/**
 * The outbox relay: Debezium embedded tails the outbox through pgoutput and publishes to Kafka.
 * The only code in command-api that touches a Kafka producer.
 */
package dev.origo.command.relay;
