package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/** The generated OpenAPI description lists exactly the command-api's endpoints, with their examples. */
class CommandOpenApiIT extends CommandIT {

    @Test
    void describesEveryCommandEndpointAndNothingElse() {
        Exchange docs = sendRaw("GET", "/v3/api-docs", null, null);
        assertThat(docs.status()).as("served without a producer key").isEqualTo(200);
        JsonNode paths = MAPPER.readTree(docs.body()).get("paths");

        Set<String> documented = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (String method : path.getValue().propertyNames()) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }

        assertThat(documented).containsExactlyInAnyOrderElementsOf(mappedCommands());
    }

    @Test
    void carriesTheDesignExamplesAndConventions() throws Exception {
        String docs = sendRaw("GET", "/v3/api-docs", null, null).body();
        java.nio.file.Files.writeString(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"))
                .resolve("command-api-docs.json"), docs);
        JsonNode api = MAPPER.readTree(docs);
        JsonNode publish = api.at("/paths/~1assets~1{id}~1publish/post");

        assertThat(publish.at("/responses/201/content/application~1json").toString())
                .contains("version_number").contains("/assets/public/");
        assertThat(publish.at("/responses/201/headers/X-Sequence").isMissingNode()).isFalse();
        assertThat(publish.at("/responses/404/content/application~1problem+json").isMissingNode()).isFalse();
        assertThat(publish.get("parameters").toString()).contains("Idempotency-Key");
        assertThat(api.at("/paths/~1assets~1upload/post/requestBody/content/multipart~1form-data").isMissingNode())
                .isFalse();
        assertThat(api.at("/paths/~1assets~1{id}~1access-token/post/responses/201/content/application~1json")
                .toString()).contains("token_id").contains("/assets/private/");
        assertThat(api.at("/components/securitySchemes/producerKey/scheme").asString()).isEqualTo("bearer");
        assertThat(api.at("/components/schemas/PublishedBody/properties").propertyNames())
                .contains("version_id", "version_number", "etag", "url", "sequence");
    }

    /** Every handler method of the command-api's own controllers, as "METHOD /path". */
    private static Set<String> mappedCommands() {
        Set<String> mapped = new HashSet<>();
        RequestMappingHandlerMapping mapping = stack.commandApi.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("dev.origo.command")) {
                continue;
            }
            for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                for (String path : entry.getKey().getPathPatternsCondition().getPatternValues()) {
                    mapped.add(method.name() + " " + path);
                }
            }
        }
        assertThat(mapped).hasSize(7);
        return mapped;
    }
}
