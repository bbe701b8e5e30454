package dev.origo.infra.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * What the workload does with one asset, in order: upload it, then publish it (public assets) or
 * issue a private-link token and maybe revoke it (private assets).
 */
record AssetPlan(boolean isPublic, boolean publish, boolean issueToken, boolean revokeToken) {

    /**
     * One phase's plans: {@code uploads} assets, {@code publishes} of them published, {@code tokens}
     * private ones with a token, {@code revocations} of those revoked; in a seeded random order.
     */
    static List<AssetPlan> phase(int uploads, int publishes, int tokens, int revocations, Random random) {
        if (publishes + tokens > uploads || revocations > tokens) {
            throw new IllegalArgumentException("a phase cannot have more publishes and tokens than uploads");
        }
        List<AssetPlan> plans = new ArrayList<>();
        for (int i = 0; i < tokens; i++) {
            plans.add(new AssetPlan(false, false, true, i < revocations));
        }
        for (int i = 0; i < uploads - tokens; i++) {
            plans.add(new AssetPlan(true, i < publishes, false, false));
        }
        Collections.shuffle(plans, random);
        return plans;
    }
}
