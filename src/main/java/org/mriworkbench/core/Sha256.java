package org.mriworkbench.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex, the form every fingerprint in the workbench takes (image contents, index, split,
 * preprocessing, tensors, configs). One place means one spelling: a fingerprint written by one stage compares equal
 * to the same bytes hashed by another, and the "every JVM has SHA-256" checked exception is handled once.
 */
public final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    /** A fresh digest to feed with {@link MessageDigest#update}; finish it with {@link #hex(MessageDigest)}. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** Completes {@code digest} and returns its hash as hex; the digest is reset. */
    public static String hex(MessageDigest digest) {
        return HEX.formatHex(digest.digest());
    }

    /** Hex SHA-256 of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(newDigest().digest(bytes));
    }

    /** Hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
