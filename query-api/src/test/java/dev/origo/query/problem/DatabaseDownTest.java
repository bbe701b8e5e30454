package dev.origo.query.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A read that misses the caches while PostgreSQL is down: 503 problem JSON with Retry-After, never 500. */
class DatabaseDownTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController())
            .setControllerAdvice(new ProblemResponses()).build();

    @ParameterizedTest
    @ValueSource(strings = {"no-connection", "connection-lost", "no-transaction"})
    void aDatabaseFailureIsServiceUnavailable(String failure) throws Exception {
        mvc.perform(get("/fail/" + failure))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(header().doesNotExist("ETag"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://origo.dev/problems/database-unavailable"));
    }

    @RestController
    static class FailingController {

        @GetMapping("/fail/{failure}")
        String fail(@PathVariable String failure) {
            SQLException cause = new SQLException("Connection refused", "08001");
            throw switch (failure) {
                case "no-connection" -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", cause);
                case "connection-lost" -> new DataAccessResourceFailureException("PreparedStatementCallback", cause);
                default -> new CannotCreateTransactionException("Could not open JDBC Connection", cause);
            };
        }
    }
}
