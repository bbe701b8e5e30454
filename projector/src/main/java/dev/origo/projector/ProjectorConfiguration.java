package dev.origo.projector;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.origo.common.problem.ProblemErrorReportValve;
import dev.origo.events.Topics;

@Configuration(proxyBeanMethods = false)
class ProjectorConfiguration {

    /** Problem JSON, not Tomcat's HTML page, for requests Tomcat refuses before any filter runs. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return ProblemErrorReportValve.customizer();
    }

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
