/**
 * Producer authentication: bearer keys from configuration, compared in constant time.
 */
package dev.origo.command.auth;
