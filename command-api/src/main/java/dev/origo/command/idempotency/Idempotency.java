package dev.origo.command.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.origo.command.auth.Producer;
import dev.origo.common.http.SingletonFields;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code Idempotency-Key} on unsafe commands. The reply is recorded in the command's own transaction
 * ({@link #record}), so "event emitted" and "reply recorded" commit together. A retry with the same key and
 * the same request gets the recorded reply and emits nothing; with a different request, 422. Two concurrent
 * requests with one key: the second's insert waits for the first, its transaction rolls back (no event) and
 * it replays the first's reply. Only successful replies are recorded: a failed command had no effect, and
 * its retry runs again.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyKeys keys;
    private final IdempotencyProperties properties;
    private final Clock clock;

    Idempotency(IdempotencyKeys keys, IdempotencyProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** The request's key, fingerprinted by method, path and JSON body (see {@link BodyFingerprint}); empty without a key. */
    public Optional<IdempotentRequest> of(HttpServletRequest request) {
        Object body = request.getAttribute(BodyFingerprint.ATTRIBUTE);
        return of(request, List.of(body instanceof String sha256 ? sha256 : BodyFingerprint.EMPTY_BODY));
    }

    /** The request's key, fingerprinted by method, path and the given parts (an upload's file SHA-256 and form fields). */
    public Optional<IdempotentRequest> of(HttpServletRequest request, List<String> parts) {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return Optional.empty();
        }
        // One key per request: a second line is malformed, not a choice between two keys.
        if (SingletonFields.repeated(request, HEADER) || !wellFormed(key)) {
            throw new MalformedIdempotencyKeyException();
        }
        Producer producer = Producer.of(request);
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return Optional.of(new IdempotentRequest(producer.name(), key,
                fingerprint(request.getMethod(), path, parts), replayKey(producer, key)));
    }

    /** Runs the command unless a reply is recorded for this key; replays that reply instead. */
    public Reply execute(Optional<IdempotentRequest> request, Supplier<Reply> command) {
        if (request.isEmpty()) {
            return command.get();
        }
        Optional<Reply> recorded = replay(request.get());
        if (recorded.isPresent()) {
            return recorded.get();
        }
        try {
            return command.get();
        } catch (IdempotencyKeyTakenException e) {
            return replay(request.get()).orElseThrow(() -> new IllegalStateException("taken key has no reply", e));
        }
    }

    /** Records the reply in the caller's transaction; a concurrent winner makes the caller roll back and replay. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(IdempotentRequest request, Reply reply) {
        Instant now = clock.instant();
        String body = reply.json() != null && reply.secret()
                ? ReplayCipher.encrypt(request.replayKey(), reply.json(), associatedData(request))
                : reply.json();
        var recorded = new IdempotencyKeys.Recorded(request.fingerprint(), reply.status(), reply.location(),
                reply.sequence(), body, reply.json() != null && reply.secret());
        if (!keys.insert(request.producer(), request.key(), recorded, now, now.plus(properties.retention()))) {
            throw new IdempotencyKeyTakenException();
        }
    }

    Optional<Reply> replay(IdempotentRequest request) {
        return keys.find(request.producer(), request.key(), clock.instant()).map(recorded -> {
            if (!MessageDigest.isEqual(recorded.fingerprint().getBytes(StandardCharsets.US_ASCII),
                    request.fingerprint().getBytes(StandardCharsets.US_ASCII))) {
                throw new IdempotencyKeyReusedException();
            }
            String json = recorded.encrypted()
                    ? ReplayCipher.decrypt(request.replayKey(), recorded.body(), associatedData(request))
                    : recorded.body();
            return new Reply(recorded.status(), recorded.location(), recorded.sequence(), json, recorded.encrypted(),
                    true);
        });
    }

    static boolean wellFormed(String key) {
        return !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    /** SHA-256 over length-prefixed method, path and parts, so that no two different requests share a fingerprint. */
    static String fingerprint(String method, String path, List<String> parts) {
        MessageDigest sha256 = BodyFingerprint.sha256();
        for (String part : concat(method, path, parts)) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static List<String> concat(String method, String path, List<String> parts) {
        List<String> all = new java.util.ArrayList<>(parts.size() + 2);
        all.add(method);
        all.add(path);
        parts.forEach(part -> all.add(part == null ? "\0null" : part));
        return all;
    }

    private static String associatedData(IdempotentRequest request) {
        return request.producer() + '\n' + request.key() + '\n' + request.fingerprint();
    }

    private static byte[] replayKey(Producer producer, String key) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(producer.secret(), "HmacSHA256"));
            return hmac.doFinal(("origo replay\0" + key).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
