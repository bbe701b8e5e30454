package dev.origo.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Serves content and metadata from the read model with exact HTTP caching. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryApiApplication {

    /**
     * The application with its own configuration file ({@code query-api.yml}), so that several services can
     * share one classpath in the end-to-end tests.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(QueryApiApplication.class).properties("spring.config.name=query-api");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
