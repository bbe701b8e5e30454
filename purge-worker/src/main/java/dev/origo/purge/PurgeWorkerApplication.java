package dev.origo.purge;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Purges CDN edges when the read model changed. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PurgeWorkerApplication {

    /**
     * The application with its own configuration file ({@code purge-worker.yml}), so that several services can
     * share one classpath in the end-to-end tests.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(PurgeWorkerApplication.class).properties("spring.config.name=purge-worker");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
