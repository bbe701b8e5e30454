package dev.origo.projector.projection;

import java.util.UUID;

/** An event arrived before one of its asset's earlier events: it is not applied, and is retried. */
public class SequenceGapException extends RuntimeException {

    public SequenceGapException(UUID assetId, long applied, long received) {
        super("sequence gap for asset " + assetId + ": read model is at " + applied + ", received " + received);
    }
}
