/**
 * CDN purge providers behind one interface.
 */
package dev.origo.purge.provider;
