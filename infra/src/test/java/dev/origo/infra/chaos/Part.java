package dev.origo.infra.chaos;

/** A process of the stack that the fault test kills with SIGKILL and starts again. */
enum Part {

    COMMAND_API("command-api"),
    PROJECTOR("projector"),
    QUERY_API("query-api"),
    PURGE_WORKER("purge-worker"),
    KAFKA("kafka"),
    POSTGRES("postgres");

    private final String label;

    Part(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean isService() {
        return this != KAFKA && this != POSTGRES;
    }
}
