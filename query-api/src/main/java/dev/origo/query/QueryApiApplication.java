package dev.origo.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Serves content and metadata from the read model with exact HTTP caching. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryApiApplication {

    /**
     * This service's own configuration file ({@code query-api.yml}), so that several services can share one
     * classpath in the end-to-end tests. It must be a command-line argument: Boot reads it before any file.
     */
    public static final String CONFIG_NAME = "--spring.config.name=query-api";

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(QueryApiApplication.class);
    }

    public static void main(String[] args) {
        String[] withConfigName = java.util.Arrays.copyOf(args, args.length + 1);
        withConfigName[args.length] = CONFIG_NAME;
        application().run(withConfigName);
    }
}
