package dev.origo.purge;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Purges CDN edges when the read model changed. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PurgeWorkerApplication {

    /**
     * This service's own configuration file ({@code purge-worker.yml}), so that several services can share one
     * classpath in the end-to-end tests. It must be a command-line argument: Boot reads it before any file.
     */
    public static final String CONFIG_NAME = "--spring.config.name=purge-worker";

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(PurgeWorkerApplication.class);
    }

    public static void main(String[] args) {
        String[] withConfigName = java.util.Arrays.copyOf(args, args.length + 1);
        withConfigName[args.length] = CONFIG_NAME;
        application().run(withConfigName);
    }
}
