package dev.origo.query.problem;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.origo.common.problem.ProblemErrorReportValve;

/** Problem JSON, not Tomcat's HTML page, for requests Tomcat refuses before any filter runs. */
@Configuration(proxyBeanMethods = false)
class TomcatErrorReports {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return ProblemErrorReportValve.customizer();
    }
}
