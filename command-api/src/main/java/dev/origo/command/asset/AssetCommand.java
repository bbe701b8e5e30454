package dev.origo.command.asset;

import java.time.Instant;

/**
 * One command on an existing asset, decided against the asset's current state. {@link AssetChanges}
 * calls it inside the command transaction, possibly several times when concurrent commands win.
 */
@FunctionalInterface
public interface AssetCommand {

    /**
     * @param current  the asset as last committed (never deleted)
     * @param sequence the sequence the command's event gets: {@code current.sequence() + 1}
     * @param now      the command's time, truncated to what PostgreSQL keeps
     */
    Change decide(Asset current, long sequence, Instant now);
}
