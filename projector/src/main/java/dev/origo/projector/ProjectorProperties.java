package dev.origo.projector;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The projector.
 *
 * @param noticePartitions partitions of {@code origo.read-model-changes} when the projector creates it
 *                         (enough for N purge workers and query-api instances)
 */
@ConfigurationProperties("origo.projector")
public record ProjectorProperties(@DefaultValue("12") int noticePartitions) {
}
