package dev.origo.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The command side: uploads and commands, the write model, the outbox relay. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandApiApplication {

    /**
     * This service's own configuration file ({@code command-api.yml}), so that several services can share one
     * classpath in the end-to-end tests. It must be a command-line argument: Boot reads it before any file.
     */
    public static final String CONFIG_NAME = "--spring.config.name=command-api";

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CommandApiApplication.class);
    }

    public static void main(String[] args) {
        String[] withConfigName = java.util.Arrays.copyOf(args, args.length + 1);
        withConfigName[args.length] = CONFIG_NAME;
        application().run(withConfigName);
    }
}
