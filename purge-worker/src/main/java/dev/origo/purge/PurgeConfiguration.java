package dev.origo.purge;

import java.time.Clock;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.FixedBackOff;

import dev.origo.common.problem.ProblemErrorReportValve;
import dev.origo.purge.retry.Backoff;
import dev.origo.purge.retry.RetryingSender;

/** Wiring of the retry policy, the clock and the listener's error handling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PurgeConfiguration {

    /** Problem JSON, not Tomcat's HTML page, for requests Tomcat refuses before any filter runs. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return ProblemErrorReportValve.customizer();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RetryingSender retryingSender(PurgeProperties properties, StoppablePause pause, PurgeMetrics metrics) {
        return new RetryingSender(new Backoff(properties.retry()), properties.retry().maxAttempts(), pause,
                metrics::failedAttempt);
    }

    /**
     * CDN failures never reach this handler: they are retried and dead-lettered inside the listener.
     * What does is our own infrastructure failing (the ledger's database, the dead-letter topic), or
     * the worker stopping mid-retry. Skipping such a batch would lose its purges, so it is redelivered
     * every second until it goes through; its offsets stay uncommitted meanwhile.
     */
    @Bean
    CommonErrorHandler purgeBatchErrorHandler() {
        return new DefaultErrorHandler(new FixedBackOff(1_000L, FixedBackOff.UNLIMITED_ATTEMPTS));
    }
}
