package org.mriworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class Sha256Test {

    // FIPS 180-2 test vectors
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void matchesThePublishedVectorsAsLowerCaseHex() {
        assertEquals(ABC, Sha256.hex("abc"));
        assertEquals(ABC, Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(EMPTY, Sha256.hex(new byte[0]));
    }

    @Test
    void anIncrementalDigestGivesTheSameHexAsOneShot() {
        MessageDigest md = Sha256.newDigest();
        md.update("a".getBytes(StandardCharsets.UTF_8));
        md.update("bc".getBytes(StandardCharsets.UTF_8));
        assertEquals(ABC, Sha256.hex(md));
        // hex(digest) completes and resets the digest, so it can be reused
        assertEquals(EMPTY, Sha256.hex(md));
    }

    @Test
    void textIsHashedAsUtf8() {
        assertEquals(Sha256.hex("tumour \u00e9".getBytes(StandardCharsets.UTF_8)), Sha256.hex("tumour \u00e9"));
    }
}
