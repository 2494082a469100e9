package org.mriworkbench.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.mriworkbench.core.Label;

/**
 * Keeps scan results on disk so that a second scan of an unchanged folder costs a directory listing instead of
 * decoding every image again (seconds for the real set, which notebooks would otherwise pay on every re-run).
 * The key covers every candidate file's relative path, size and modification time plus the origin and label the
 * layout gives it, so a changed, added, removed or moved file means a fresh scan. Files are written to a temporary
 * name and moved into place, so an interrupted write is never read back; an unreadable cache file is ignored.
 */
final class IndexCache {

    private static final int MAGIC = 0x4D524958; // "MRIX"
    private static final int VERSION = 1;

    private IndexCache() {
    }

    static Path file(Path cacheDir, String key) {
        return cacheDir.resolve("index-" + key.substring(0, 32) + ".bin");
    }

    /** Reads a cached scan, or returns null when there is none or it cannot be read. */
    static DatasetIndex read(Path cacheDir, String key, Path root, DatasetIndex.Layout layout) {
        Path f = file(cacheDir, key);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try (InputStream raw = Files.newInputStream(f);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(key)) {
                return null;
            }
            int n = in.readInt();
            int thumbLen = in.readInt();
            List<ImageRecord> records = new ArrayList<>(n);
            List<float[]> thumbs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                records.add(new ImageRecord(in.readUTF(), Origin.valueOf(in.readUTF()), Label.valueOf(in.readUTF()),
                        in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readUTF(), in.readLong(),
                        in.readUTF(), in.readLong()));
                float[] t = new float[thumbLen];
                for (int k = 0; k < thumbLen; k++) {
                    t[k] = in.readFloat();
                }
                thumbs.add(t);
            }
            int m = in.readInt();
            List<ScanIssue> issues = new ArrayList<>(m);
            for (int i = 0; i < m; i++) {
                issues.add(new ScanIssue(in.readUTF(), ScanIssue.Kind.valueOf(in.readUTF()), in.readUTF()));
            }
            return new DatasetIndex(root, layout, records, thumbs, issues);
        } catch (IOException | RuntimeException e) {
            return null; // a damaged cache is only a cache: scan again
        }
    }

    /**
     * Writes a scan atomically; failures are reported on stderr and otherwise ignored. {@code thumbLength} is the
     * number of floats in each thumbnail, as the scanner makes them.
     */
    static void write(Path cacheDir, String key, DatasetIndex index, List<ScanIssue> decodeIssues, int thumbLength) {
        try {
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempFile(cacheDir, "index-", ".tmp");
            try (OutputStream raw = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(key);
                out.writeInt(index.size());
                out.writeInt(thumbLength);
                for (int i = 0; i < index.size(); i++) {
                    ImageRecord r = index.get(i);
                    out.writeUTF(r.path());
                    out.writeUTF(r.origin().name());
                    out.writeUTF(r.label().name());
                    out.writeInt(r.width());
                    out.writeInt(r.height());
                    out.writeInt(r.channels());
                    out.writeInt(r.bitDepth());
                    out.writeUTF(r.format());
                    out.writeLong(r.bytes());
                    out.writeUTF(r.sha256());
                    out.writeLong(r.dHash());
                    for (float v : index.thumbnailUnsafe(i)) {
                        out.writeFloat(v);
                    }
                }
                out.writeInt(decodeIssues.size());
                for (ScanIssue s : decodeIssues) {
                    out.writeUTF(s.path());
                    out.writeUTF(s.kind().name());
                    out.writeUTF(s.reason());
                }
            }
            try {
                Files.move(tmp, file(cacheDir, key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(cacheDir, key), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("warning: could not write the scan cache in " + cacheDir + ": " + e.getMessage());
        }
    }
}
