package dev.origo.command.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.origo.command.ConfiguredJson;

/**
 * A JSON body that cannot be read is a 400 malformed-body. When one field is at fault, the detail names it as the client
 * spelled it (snake_case), never with the parser's Java types.
 */
class MalformedBodyTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Paths())
            .setMessageConverters(new JacksonJsonHttpMessageConverter(ConfiguredJson.mapper()))
            .setControllerAdvice(new ProblemResponses())
            .build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"is_public\":\"yes\"}                       | The value of 'is_public' has the wrong type.",
            "{\"is_public\":[true]}                        | The value of 'is_public' has the wrong type.",
            "{\"expires_in\":\"60\"}                       | The value of 'expires_in' has the wrong type.",
            "{\"expires_in\":1.5}                          | The value of 'expires_in' has the wrong type.",
            "{\"expires_in\":99999999999999999999999}      | The value of 'expires_in' is out of range.",
            "{\"is_public\":                               | The request body is not valid JSON for this command.",
            "not json                                      | The request body is not valid JSON for this command.",
            "[]                                            | The request body is not valid JSON for this command.",
    })
    void namesTheFieldAtFaultOrSaysTheBodyIsNotJson(String body, String detail) throws Exception {
        mvc.perform(post("/command").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://origo.dev/problems/malformed-body"))
                .andExpect(jsonPath("$.detail").value(detail));
    }

    record Command(Boolean isPublic, Long expiresIn) {
    }

    @RestController
    static class Paths {

        @PostMapping("/command")
        void command(@RequestBody Command command) {
        }
    }
}
