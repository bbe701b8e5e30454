package dev.origo.command.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Reads every JSON command body once, bounded by {@code origo.idempotency.max-body-size} (413 past it), and
 * records its SHA-256 for the idempotency fingerprint before Jackson reads the same bytes.
 */
@ControllerAdvice
class BodyFingerprint extends RequestBodyAdviceAdapter {

    static final String ATTRIBUTE = "origo.body-sha256";
    static final String EMPTY_BODY = HexFormat.of().formatHex(sha256().digest());

    private final IdempotencyProperties properties;

    BodyFingerprint(IdempotencyProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        long limit = properties.maxBodySize().toBytes();
        byte[] body;
        try (InputStream in = message.getBody()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
        if (body.length > limit) {
            throw new BodyTooLargeException(limit);
        }
        RequestContextHolder.currentRequestAttributes()
                .setAttribute(ATTRIBUTE, HexFormat.of().formatHex(sha256().digest(body)), RequestAttributes.SCOPE_REQUEST);
        HttpHeaders headers = message.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
