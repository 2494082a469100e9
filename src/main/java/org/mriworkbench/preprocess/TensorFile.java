package org.mriworkbench.preprocess;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * The on-disk format of the {@link TensorCache}: one file per (data set, preprocessing) pair.
 *
 * <pre>
 * offset  size  field (little-endian)
 *      0     8  magic "MRITENS\0"
 *      8     4  format version ({@value #VERSION})
 *     12     4  n, images
 *     16     4  channels
 *     20     4  size (images are size × size)
 *     24     4  CRC-32C of the sample bytes
 *     28     4  length of the description in bytes
 *     32    32  data-set fingerprint (SHA-256, raw)
 *     64    32  preprocessing fingerprint (SHA-256, raw)
 *     96   ...  preprocessing description, UTF-8, for people reading the file; zero-padded to {@value #HEADER}
 *   4096   ...  n × channels × size × size float32 samples, NCHW, in index order
 * </pre>
 *
 * Files are written under a temporary name and atomically renamed, and a reader accepts a file only if the header
 * matches what it expects, the length is exact and the checksum agrees; so a killed writer, a full disk, or a crash
 * before the page cache reached the disk can leave a useless file but never one that is mistaken for a valid cache.
 * The data starts on a page boundary so that it can be memory-mapped directly.
 */
final class TensorFile {

    static final int VERSION = 2; // 2: colour JPEGs decoded straight to luma
    static final int HEADER = 4096;
    private static final byte[] MAGIC = "MRITENS\0".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK = 8 << 20;
    private static final long MAP_CHUNK = 1L << 28;

    /** What a header must say for the file to be used. */
    record Header(int n, int channels, int size, String datasetFingerprint, String preprocessingFingerprint) {

        long samples() {
            return (long) n * channels * size * size;
        }
    }

    /** The accepted file's header and samples, or (with null data) why the file was rejected. */
    record ReadResult(Header header, float[] data, String rejection) {

        static ReadResult rejected(String why) {
            return new ReadResult(null, null, why);
        }
    }

    private TensorFile() {
    }

    static void write(Path target, Header h, String description, float[] data) throws IOException {
        if (data.length != h.samples()) {
            throw new IllegalArgumentException("header says " + h.samples() + " samples, data has " + data.length);
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".partial");
        boolean moved = false;
        try {
            CRC32C crc = new CRC32C();
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.position(HEADER);
                ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
                for (int off = 0; off < data.length; ) {
                    int len = Math.min(CHUNK / Float.BYTES, data.length - off);
                    buf.clear();
                    buf.asFloatBuffer().put(data, off, len);
                    buf.limit(len * Float.BYTES);
                    crc.update(buf.duplicate());
                    writeFully(ch, buf);
                    off += len;
                }
                ch.position(0);
                writeFully(ch, header(h, description, (int) crc.getValue()));
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Reads a cache file, or says why it cannot be used (never throws for a damaged or foreign file). The file must
     * hold {@code n} images for the two fingerprints; channels and size are taken from its header.
     */
    static ReadResult read(Path file, int n, String datasetFingerprint, String preprocessingFingerprint)
            throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = ch.size();
            if (length < HEADER) {
                return ReadResult.rejected("file too short for a header (" + length + " bytes)");
            }
            ByteBuffer head = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            while (head.hasRemaining() && ch.read(head, head.position()) >= 0) {
                // read until full
            }
            head.flip();
            byte[] magic = new byte[MAGIC.length];
            head.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                return ReadResult.rejected("not a tensor cache file (bad magic)");
            }
            int version = head.getInt();
            if (version != VERSION) {
                return ReadResult.rejected("format version " + version + ", expected " + VERSION);
            }
            Header found = new Header(head.getInt(), head.getInt(), head.getInt(), null, null);
            int crcStored = head.getInt();
            head.getInt(); // description length
            byte[] fp = new byte[32];
            head.get(fp);
            String dataFp = HexFormat.of().formatHex(fp);
            head.get(fp);
            String preFp = HexFormat.of().formatHex(fp);
            found = new Header(found.n(), found.channels(), found.size(), dataFp, preFp);
            if (found.channels() < 1 || found.size() < 1) {
                return ReadResult.rejected("bad shape in header: " + found);
            }
            Header expected = new Header(n, found.channels(), found.size(), datasetFingerprint,
                    preprocessingFingerprint);
            if (!found.equals(expected)) {
                return ReadResult.rejected("header " + found + " does not match expected " + expected);
            }
            long want = HEADER + expected.samples() * Float.BYTES;
            if (length != want) {
                return ReadResult.rejected("length " + length + " bytes, expected " + want + " (truncated?)");
            }
            if (expected.samples() > Integer.MAX_VALUE - 8) {
                return ReadResult.rejected("too many samples for one array: " + expected.samples());
            }
            float[] data = new float[(int) expected.samples()];
            CRC32C crc = new CRC32C();
            for (long pos = 0; pos < data.length; ) {
                long len = Math.min(MAP_CHUNK / Float.BYTES, data.length - pos);
                MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, HEADER + pos * Float.BYTES,
                        len * Float.BYTES);
                crc.update(map.duplicate());
                map.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data, (int) pos, (int) len);
                pos += len;
            }
            if ((int) crc.getValue() != crcStored) {
                return ReadResult.rejected("checksum mismatch (damaged file)");
            }
            return new ReadResult(found, data, null);
        }
    }

    private static ByteBuffer header(Header h, String description, int crc) {
        ByteBuffer b = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        byte[] desc = description.getBytes(StandardCharsets.UTF_8);
        int descLen = Math.min(desc.length, HEADER - 96);
        b.put(MAGIC).putInt(VERSION).putInt(h.n()).putInt(h.channels()).putInt(h.size()).putInt(crc).putInt(descLen);
        b.put(HexFormat.of().parseHex(h.datasetFingerprint()));
        b.put(HexFormat.of().parseHex(h.preprocessingFingerprint()));
        b.put(desc, 0, descLen);
        b.clear();
        return b;
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
