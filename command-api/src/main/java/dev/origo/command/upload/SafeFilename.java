package dev.origo.command.upload;

/**
 * Turns a client-supplied filename into one that is safe to store and to put in a
 * {@code Content-Disposition} header: no path components, no control characters, no quotes or
 * backslashes, bounded length: at most 255 UTF-16 units (a Java string's length), cut between code points so
 * that no surrogate pair is split.
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
        return result.length() <= MAX_LENGTH ? result : result.substring(0, cut(result));
    }

    /** {@link #MAX_LENGTH}, or one unit less where that would split a surrogate pair (an emoji, say). */
    private static int cut(String name) {
        return Character.isSurrogatePair(name.charAt(MAX_LENGTH - 1), name.charAt(MAX_LENGTH))
                ? MAX_LENGTH - 1 : MAX_LENGTH;
    }
}
