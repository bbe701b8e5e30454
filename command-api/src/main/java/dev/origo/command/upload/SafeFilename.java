package dev.origo.command.upload;

/**
 * Turns a client-supplied filename into one that is safe to store and to put in a
 * {@code Content-Disposition} header: no path components, no control characters, no quotes or
 * backslashes, bounded length.
 */
final class SafeFilename {

    static final String FALLBACK = "file";
    private static final int MAX_LENGTH = 255;

    private SafeFilename() {
    }

    static String of(String submitted) {
        if (submitted == null) {
            return FALLBACK;
        }
        String name = submitted;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && c != '"' && c != ';' && c != '\\'
                        && Character.getType(c) != Character.FORMAT)
                .forEach(safe::appendCodePoint);
        String result = safe.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        if (result.isEmpty()) {
            return FALLBACK;
        }
        return result.length() <= MAX_LENGTH ? result : result.substring(0, MAX_LENGTH);
    }
}
