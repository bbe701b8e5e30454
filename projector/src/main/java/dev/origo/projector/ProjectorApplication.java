package dev.origo.projector;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Projects asset events into the read tables and announces each change. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProjectorApplication {

    /**
     * The application with its own configuration file ({@code projector.yml}), so that several services can
     * share one classpath in the end-to-end tests.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ProjectorApplication.class).properties("spring.config.name=projector");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
