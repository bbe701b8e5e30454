package dev.origo.common.accesslog;

/** Where {@link AccessLog} sends its lines. */
public interface AccessLines {

    /** Whether lines are wanted at all: the {@code origo.access} logger's level, wherever the lines go. */
    boolean enabled();

    void write(AccessLine line);
}
