package dev.origo.command.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for replies that hold a secret (a raw access token). DESIGN §2 forbids storing a token; the
 * replay must still return it. The key is derived from the producer's key and the idempotency key, neither
 * of which is in the database, so the stored row alone reveals nothing.
 */
final class ReplayCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReplayCipher() {
    }

    static String encrypt(byte[] key, String plaintext, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, key, iv, associatedData, plaintext.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
    }

    /** The plaintext; throws when the key or the associated data differ (another producer's key, a forged row). */
    static String decrypt(byte[] key, String stored, String associatedData) {
        byte[] all = Base64.getDecoder().decode(stored);
        byte[] iv = java.util.Arrays.copyOfRange(all, 0, IV_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(all, IV_BYTES, all.length);
        return new String(run(Cipher.DECRYPT_MODE, key, iv, associatedData, sealed), StandardCharsets.UTF_8);
    }

    private static byte[] run(int mode, byte[] key, byte[] iv, String associatedData, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("replay cipher failed", e);
        }
    }
}
