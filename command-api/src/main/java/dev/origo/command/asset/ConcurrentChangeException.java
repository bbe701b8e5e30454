package dev.origo.command.asset;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.origo.command.problem.ProblemException;

/** Other commands on the same asset kept winning the compare-and-set; nothing was changed. Safe to retry. */
public class ConcurrentChangeException extends ProblemException {

    ConcurrentChangeException(UUID id, int attempts) {
        super(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "Asset " + id + " was changed by other commands during " + attempts
                        + " attempts; nothing was changed. Retry the request.");
    }
}
