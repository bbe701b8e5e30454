package dev.origo.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The command side: uploads and commands, the write model, the outbox relay. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandApiApplication {

    /**
     * The application with its own configuration file ({@code command-api.yml}), so that several services can
     * share one classpath in the end-to-end tests.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CommandApiApplication.class).properties("spring.config.name=command-api");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
