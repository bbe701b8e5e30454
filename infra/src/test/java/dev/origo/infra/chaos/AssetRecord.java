package dev.origo.infra.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * What the client was told about one asset: every acknowledged command and its reply. The audit
 * holds the system to exactly this. Written by the one worker that runs the asset's plan.
 */
final class AssetRecord {

    /** A published version as the publish reply named it. */
    record Version(String versionId, int number, String etag) {
    }

    /** An issued token, and whether its revocation was acknowledged. */
    static final class Token {
        final String tokenId;
        final String token;
        volatile boolean revoked;

        Token(String tokenId, String token) {
            this.tokenId = tokenId;
            this.token = token;
        }
    }

    final Part phase;
    final String id;
    final boolean isPublic;
    final String sha256;
    final String etag;
    final List<Version> versions = new ArrayList<>();
    final List<Token> tokens = new ArrayList<>();
    /** Commands acknowledged for this asset, the upload included: each must be exactly one event. */
    volatile int acknowledged = 1;
    /** The sequence of the last acknowledged command. */
    volatile long sequence;

    AssetRecord(Part phase, String id, boolean isPublic, String sha256, String etag, long sequence) {
        this.phase = phase;
        this.id = id;
        this.isPublic = isPublic;
        this.sha256 = sha256;
        this.etag = etag;
        this.sequence = sequence;
    }

    void acknowledged(long newSequence) {
        acknowledged++;
        sequence = newSequence;
    }
}
