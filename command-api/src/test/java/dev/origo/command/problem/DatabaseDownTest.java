package dev.origo.command.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a command gets while PostgreSQL is down or restarting: 503 problem JSON with Retry-After, never 500. */
class DatabaseDownTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController())
            .setControllerAdvice(new ProblemResponses()).build();

    @ParameterizedTest
    @ValueSource(strings = {"no-connection", "connection-lost", "no-transaction", "rollback-failed", "timeout"})
    void aDatabaseFailureIsServiceUnavailable(String failure) throws Exception {
        mvc.perform(post("/fail/" + failure))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://origo.dev/problems/database-unavailable"))
                .andExpect(jsonPath("$.status").value(503));
    }

    @RestController
    static class FailingController {

        @PostMapping("/fail/{failure}")
        void fail(@PathVariable String failure) {
            SQLException cause = new SQLException("Connection refused", "08001");
            throw switch (failure) {
                case "no-connection" -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", cause);
                case "connection-lost" -> new DataAccessResourceFailureException("PreparedStatementCallback", cause);
                case "no-transaction" -> new CannotCreateTransactionException("Could not open JDBC Connection", cause);
                case "rollback-failed" -> new TransactionSystemException("JDBC rollback failed", cause);
                default -> new QueryTimeoutException("statement timeout", cause);
            };
        }
    }
}
