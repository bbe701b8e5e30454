package dev.origo.command.ratelimit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.micrometer.core.instrument.MeterRegistry;

/** Puts uploads and the other commands each behind their own per-client limit, unless limits are disabled. */
@Configuration(proxyBeanMethods = false)
class RateLimiting implements WebMvcConfigurer {

    private static final String[] UPLOADS = {"/assets/upload", "/assets/*/content"};

    private final RateLimitProperties properties;
    private final MeterRegistry registry;

    RateLimiting(RateLimitProperties properties, MeterRegistry registry) {
        this.properties = properties;
        this.registry = registry;
    }

    @Override
    public void addInterceptors(InterceptorRegistry interceptors) {
        if (!properties.enabled()) {
            return;
        }
        interceptors.addInterceptor(new CommandRateLimit(properties.per(),
                        new Budget("upload", properties.uploads().toRate(), registry)))
                .addPathPatterns(UPLOADS);
        interceptors.addInterceptor(new CommandRateLimit(properties.per(),
                        new Budget("command", properties.commands().toRate(), registry)))
                .addPathPatterns("/assets/**")
                .excludePathPatterns(UPLOADS);
    }
}
