/**
 * Reading content-addressed blobs from S3: streamed, ranges passed through, aborted when the client leaves.
 */
package dev.origo.query.blob;
