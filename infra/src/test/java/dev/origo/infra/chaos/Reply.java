package dev.origo.infra.chaos;

import tools.jackson.databind.JsonNode;

/** A command's successful reply: status, the JSON body (empty for 204) and the asset's new sequence. */
record Reply(int status, JsonNode body, long sequence) {

    String text(String field) {
        return body.get(field).asString();
    }
}
