package dev.origo.command.visibility;

/**
 * The body of {@code PATCH /assets/{id}}.
 *
 * @param isPublic whether the asset is served on the public paths; required
 */
record VisibilityRequest(Boolean isPublic) {
}
