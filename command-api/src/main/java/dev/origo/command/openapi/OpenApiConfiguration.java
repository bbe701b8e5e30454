package dev.origo.command.openapi;

import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;

import dev.origo.command.idempotency.Idempotency;
import dev.origo.command.idempotency.Reply;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "producerKey";
    private static final String PROBLEM = "Problem";
    private static final Map<String, String> ERRORS = Map.of(
            "400", "Malformed id, body or Idempotency-Key (problem types malformed-id, malformed-body, bad-request)",
            "401", "Missing or unknown producer key (WWW-Authenticate: Bearer)",
            "404", "Unknown asset (asset-not-found) or token (token-not-found)",
            "409", "Asset deleted, token already revoked, or concurrent commands kept winning",
            "422", "Idempotency-Key already used for a different request (idempotency-key-reused)",
            "429", "This client's rate limit is spent (rate-limited); Retry-After says when to try again");

    @Bean
    OpenAPI commandApi() {
        return new OpenAPI()
                .info(new Info().title("Origo command API").version("1")
                        .description("Uploads and commands of the Origo origin (DESIGN §4). Every command answers"
                                + " with the asset's new sequence (body field `sequence` and header `X-Sequence`);"
                                + " pass it as `X-Min-Sequence` to the query API to read your own write."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A producer key from origo.auth.producer-keys"))
                        .addSchemas(PROBLEM, new ObjectSchema().description("RFC 9457 problem details")
                                .addProperty("type", new StringSchema().example("https://origo.dev/problems/asset-not-found"))
                                .addProperty("title", new StringSchema().example("Asset not found"))
                                .addProperty("status", new IntegerSchema().example(404))
                                .addProperty("detail", new StringSchema())
                                .addProperty("instance", new StringSchema())))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Schemas in snake_case, as the bodies are written: swagger-core reads records with its own (Jackson 2)
     * mapper, which does not know {@code spring.jackson.property-naming-strategy}.
     */
    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    /** Adds the Idempotency-Key header, the X-Sequence response header and the problem responses to every command. */
    @Bean
    OperationCustomizer commandConventions() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(GetMapping.class)) {
                return operation;
            }
            operation.addParametersItem(new HeaderParameter().name(Idempotency.HEADER).required(false)
                    .description("Makes a retry safe: the same key and request replay the first reply; another"
                            + " request with the key is 422. 1–255 visible ASCII characters; kept 24 h by default.")
                    .schema(new StringSchema().example("7f9c2ba4-e88f-4c1c-9c8b-1b6f4b3a2d10")));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            responses.forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject(Reply.SEQUENCE_HEADER, new Header().description("The asset's new sequence")
                            .schema(new IntegerSchema()));
                }
            });
            ERRORS.forEach((status, description) -> responses.putIfAbsent(status, problem(description)));
            if (Set.of("uploadAsset", "replaceContent").contains(operation.getOperationId())) {
                responses.putIfAbsent("413", problem("Larger than origo.upload.max-size; nothing stored (upload-too-large)"));
                responses.putIfAbsent("415", problem("Not multipart/form-data (not-multipart)"));
            }
            operation.setResponses(responses);
            return operation;
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new ObjectSchema().$ref("#/components/schemas/" + PROBLEM))));
    }
}
