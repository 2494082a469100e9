package org.mriworkbench.data;

import org.mriworkbench.core.Label;

/**
 * One image of an index: where it is, what it is labelled, and the facts about its bytes and pixels that auditing
 * and caching need. {@code path} is relative to the data-set root with '/' separators, so that an index means the
 * same on every machine and can be fingerprinted.
 *
 * @param dHash 64-bit difference hash of the grayscale image (Krawetz's dHash: 9×8 area-averaged, one bit per
 *              horizontal gradient sign); byte-identical files share it, re-encoded copies differ in few bits
 */
public record ImageRecord(String path, Origin origin, Label label, int width, int height, int channels,
                          int bitDepth, String format, long bytes, String sha256, long dHash) {

    /** The dHash as 16 hex digits, as shown in tables. */
    public String dHashHex() {
        return String.format("%016x", dHash);
    }
}
