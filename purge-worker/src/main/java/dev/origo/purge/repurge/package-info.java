/**
 * The second, delayed purge that closes the window between query-api instances evicting
 * (docs/decisions/0011): due times live in the ledger, so a restart loses none.
 */
package dev.origo.purge.repurge;
