package dev.origo.command.relay;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.origo.events.Topics;

@Configuration(proxyBeanMethods = false)
class RelayTopics {

    /** Every event is kept forever: the read model is rebuilt from this topic. */
    @Bean
    NewTopic assetEvents(RelayProperties relay) {
        return TopicBuilder.name(Topics.ASSET_EVENTS)
                .partitions(relay.eventPartitions())
                .replicas(relay.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build();
    }
}
