/**
 * The asset event family, its JSON envelope and the topic names: the only code the services share.
 * Plain Java and Jackson; no Spring.
 */
package dev.origo.events;
