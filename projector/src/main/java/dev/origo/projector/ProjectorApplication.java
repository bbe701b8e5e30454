package dev.origo.projector;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Projects asset events into the read tables and announces each change. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProjectorApplication {

    /**
     * This service's own configuration file ({@code projector.yml}), so that several services can share one
     * classpath in the end-to-end tests. It must be a command-line argument: Boot reads it before any file.
     */
    public static final String CONFIG_NAME = "--spring.config.name=projector";

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ProjectorApplication.class);
    }

    public static void main(String[] args) {
        String[] withConfigName = java.util.Arrays.copyOf(args, args.length + 1);
        withConfigName[args.length] = CONFIG_NAME;
        application().run(withConfigName);
    }
}
