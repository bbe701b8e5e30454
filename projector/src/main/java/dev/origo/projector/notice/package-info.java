/**
 * Change notices: published after each read-model commit, so caches and CDNs never act too early.
 */
package dev.origo.projector.notice;
