package dev.origo.infra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of a node's command line. */
record NodeArguments(Map<String, String> values) {

    static NodeArguments parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new NodeArguments(values);
    }

    String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    Path path(String name) {
        return Path.of(text(name));
    }

    int integer(String name) {
        return Integer.parseInt(text(name));
    }
}
