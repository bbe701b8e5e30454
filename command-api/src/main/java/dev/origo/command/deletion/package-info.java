/**
 * {@code DELETE /assets/{id}}: takes an asset and all its versions out of public view.
 */
package dev.origo.command.deletion;
