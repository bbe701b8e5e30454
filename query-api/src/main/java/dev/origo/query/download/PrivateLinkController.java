package dev.origo.query.download;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import dev.origo.query.cache.CachedViews;
import dev.origo.query.freshness.ReadYourWrites;
import dev.origo.query.problem.TokenRejectedException;
import dev.origo.query.view.AssetView;
import dev.origo.query.view.TokenView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET, HEAD /assets/private/{token}}: the asset behind a valid token. The token is looked up
 * by its SHA-256 (the read model never holds tokens); unknown, expired and revoked tokens, and tokens of
 * a deleted asset, all get the same 403. Nothing on this path may be stored by any cache.
 */
@RestController
class PrivateLinkController {

    /** Tokens are base64url; anything else cannot be one and is not looked up. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private final CachedViews views;
    private final ReadYourWrites readYourWrites;
    private final RepresentationResponse responses;
    private final Representations representations;
    private final Clock clock;
    private final Counter rejected;

    PrivateLinkController(CachedViews views, ReadYourWrites readYourWrites, RepresentationResponse responses,
                          Representations representations, Clock clock, MeterRegistry registry) {
        this.views = views;
        this.readYourWrites = readYourWrites;
        this.responses = responses;
        this.representations = representations;
        this.clock = clock;
        this.rejected = Counter.builder("origo.tokens.rejected")
                .description("Private-link requests with an unknown, expired or revoked token, or a deleted asset's")
                .register(registry);
    }

    @RequestMapping(path = "/assets/private/{token}", method = {RequestMethod.GET, RequestMethod.HEAD})
    void download(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!TOKEN.matcher(token).matches()) {
            throw reject();
        }
        String hash = sha256(token);
        TokenView view = readYourWrites.related(readYourWrites.minSequence(request),
                        () -> views.token(hash), () -> views.freshToken(hash), TokenView::assetId)
                .filter(found -> found.isValidAt(clock.instant()))
                .orElseThrow(this::reject);
        // A deleted asset takes its links with it: the same 403 as any other link that no longer works (DESIGN §4),
        // not the 404 of the public paths, so a link never tells more than "this link does not work".
        AssetView asset = views.asset(view.assetId())
                .filter(found -> !found.deleted())
                .orElseThrow(this::reject);
        responses.serve(request, response, representations.privateLink(asset));
    }

    private TokenRejectedException reject() {
        rejected.increment();
        return new TokenRejectedException();
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
