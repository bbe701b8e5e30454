/**
 * The asset aggregate of the write model: its rows and its sequence (the aggregate version).
 */
package dev.origo.command.asset;
