package dev.origo.command.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.EOFException;
import java.io.IOException;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A client that hangs up in the middle of its upload is not the command-api's failure. */
@ExtendWith(OutputCaptureExtension.class)
class ClientWentAwayTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Paths())
            .setControllerAdvice(new ProblemResponses()).build();

    /** What Tomcat throws from the request body's stream when the client closes mid-upload. */
    @Test
    void noProblemIsWrittenAndNoErrorIsLogged(CapturedOutput output) throws Exception {
        mvc.perform(post("/hangs-up"))
                .andExpect(status().isOk())
                .andExpect(content().string(""));

        assertThat(output).doesNotContain("Unhandled error");
    }

    /** The same end of stream from anything but the client's connection is the service's failure. */
    @Test
    void anyOtherFailureIsAnInternalError() throws Exception {
        mvc.perform(post("/fails"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("https://origo.dev/problems/internal-error"));
    }

    @RestController
    static class Paths {

        @PostMapping("/hangs-up")
        void hangsUp() throws IOException {
            throw new ClientAbortException(new EOFException());
        }

        @PostMapping("/fails")
        void fails() throws IOException {
            throw new EOFException();
        }
    }
}
