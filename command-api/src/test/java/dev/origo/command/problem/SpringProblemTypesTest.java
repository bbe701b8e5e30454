package dev.origo.command.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Spring's own problems (an unmapped path, a method no mapping accepts) get the command-api's stable
 * {@code http-<status>} types from {@link ProblemResponses} itself: Spring 7 leaves their type null.
 */
class SpringProblemTypesTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Paths())
            .setControllerAdvice(new ProblemResponses()).build();

    @Test
    void anUnmappedPathIsHttp404WithAPlainDetail() throws Exception {
        mvc.perform(get("/no-static-resource"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://origo.dev/problems/http-404"))
                .andExpect(jsonPath("$.title").value("Not Found"))
                .andExpect(jsonPath("$.detail").value("No resource at this path."));
    }

    @Test
    void anUnsupportedMethodIsHttp405WithAllow() throws Exception {
        mvc.perform(post("/assets/x"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "PATCH"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://origo.dev/problems/http-405"))
                .andExpect(jsonPath("$.title").value("Method Not Allowed"));
    }

    @RestController
    static class Paths {

        @PatchMapping("/assets/x")
        void patch() {
        }

        /** What Spring's static resource handler throws for a path no controller maps. */
        @GetMapping("/no-static-resource")
        void missing() throws NoResourceFoundException {
            throw new NoResourceFoundException(HttpMethod.GET, "/no-static-resource", "no-static-resource");
        }
    }
}
