package dev.origo.projector;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.origo.events.Topics;

@Configuration(proxyBeanMethods = false)
class ProjectorConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Notices are keyed by asset id; enough partitions for N purge workers and query-api instances. */
    @Bean
    NewTopic readModelChanges(ProjectorProperties properties) {
        return TopicBuilder.name(Topics.READ_MODEL_CHANGES).partitions(properties.noticePartitions()).build();
    }
}
