package dev.origo.projector.rebuild;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/** {@code POST /actuator/rebuild} on the projector's (internal) port: what {@code ./origo rebuild} calls. */
@Component
@Endpoint(id = "rebuild")
class RebuildEndpoint {

    private final Rebuild rebuild;

    RebuildEndpoint(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @WriteOperation
    RebuildReport rebuild() {
        return rebuild.run();
    }
}
