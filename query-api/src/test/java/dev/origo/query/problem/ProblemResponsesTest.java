package dev.origo.query.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;


/** Every problem of the query-api has a stable type, Spring's own (404, 405) included, and is never cached. */
@ExtendWith(OutputCaptureExtension.class)
class ProblemResponsesTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Paths())
            .setControllerAdvice(new ProblemResponses()).build();

    @Nested
    class UnmappedPaths {

        @Test
        void noHandlerIsNotFoundWithHttp404Type() throws Exception {
            mvc.perform(get("/nothing"))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(header().string("Cache-Control", "no-store"))
                    .andExpect(jsonPath("$.type").value("https://origo.dev/problems/http-404"))
                    .andExpect(jsonPath("$.title").value("Not Found"))
                    .andExpect(jsonPath("$.detail").value("No resource at this path."));
        }

        /** What the static resource handler throws for {@code /assets//download} or {@code /assets/public/}. */
        @Test
        void noStaticResourceIsNotFoundWithoutSpringsDetail() throws Exception {
            mvc.perform(get("/no-static-resource"))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(header().string("Cache-Control", "no-store"))
                    .andExpect(jsonPath("$.type").value("https://origo.dev/problems/http-404"))
                    .andExpect(jsonPath("$.title").value("Not Found"))
                    .andExpect(jsonPath("$.detail").value("No resource at this path."));
        }

        @Test
        void privatePathsKeepThePrivateTiersDirective() throws Exception {
            mvc.perform(get("/assets/private/"))
                    .andExpect(status().isNotFound())
                    .andExpect(header().string("Cache-Control", "private, no-store, no-cache, must-revalidate"))
                    .andExpect(jsonPath("$.type").value("https://origo.dev/problems/http-404"));
        }
    }

    @Test
    void unsupportedMethodIsHttp405WithAllow() throws Exception {
        mvc.perform(post("/content"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "GET, HEAD"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://origo.dev/problems/http-405"))
                .andExpect(jsonPath("$.title").value("Method Not Allowed"));
    }

    /** Neither a 500 problem nor an ERROR line with a stack trace: the client is gone, and the origin is fine. */
    @Test
    void aClientThatWentAwayGetsNothingMoreAndNoErrorIsLogged(CapturedOutput output) throws Exception {
        mvc.perform(get("/client-went-away"))
                .andExpect(status().isOk())
                .andExpect(content().string(""));

        assertThat(output).doesNotContain("Unhandled error");
    }

    /** The same message from anything but the client's connection is the origin's failure. */
    @Test
    void anyOtherFailureIsAnInternalError() throws Exception {
        mvc.perform(get("/failure"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("https://origo.dev/problems/internal-error"));
    }

    @Test
    void failedPreconditionKeepsItsOwnType() throws Exception {
        mvc.perform(get("/precondition"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.type").value("https://origo.dev/problems/precondition-failed"))
                .andExpect(jsonPath("$.title").value("Precondition failed"));
    }

    @RestController
    static class Paths {

        @RequestMapping(path = "/content", method = {RequestMethod.GET, RequestMethod.HEAD})
        String content() {
            return "content";
        }

        @GetMapping("/no-static-resource")
        String noStaticResource() throws NoResourceFoundException {
            throw new NoResourceFoundException(HttpMethod.GET, "/assets//download", "assets/download");
        }

        @GetMapping("/client-went-away")
        void clientWentAway() throws IOException {
            throw new ClientAbortException(new IOException("Connection reset by peer"));
        }

        @GetMapping("/failure")
        String failure() throws IOException {
            throw new IOException("Connection reset by peer");
        }

        @GetMapping("/precondition")
        String precondition() {
            throw new PreconditionFailedException();
        }
    }
}
