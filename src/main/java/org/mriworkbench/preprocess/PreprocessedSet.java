package org.mriworkbench.preprocess;

import org.mriworkbench.core.FloatImage;
import org.mriworkbench.data.ImageRecord;
import org.mriworkbench.core.Label;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Every image of a {@link org.mriworkbench.data.DatasetIndex} after {@link Preprocessing}, as one block of floats
 * in index order (image, channel, row, column: NCHW), with the index's records alongside so that
 * {@code record(i)} and {@code image(i)} always describe the same file. One contiguous block is what lets training
 * copy mini-batches without per-image objects, and what the {@link TensorCache} can write and read in bulk.
 *
 * <p>Immutable: the block is only exposed read-only or copied out.
 */
public final class PreprocessedSet {

    /**
     * Where a set came from. It belongs to the set, not to the {@link TensorCache} that fills it, so that the cache
     * depends on the set and not the other way round.
     */
    public enum Status {
        /** Read from a valid cache file. */
        HIT,
        /** Computed because no cache file existed, then written. */
        MISS,
        /** Computed because the cache file was damaged or did not match, then rewritten. */
        REBUILT
    }

    private final List<ImageRecord> records;
    private final int channels;
    private final int size;
    private final float[] data;
    private final String datasetFingerprint;
    private final String preprocessingFingerprint;
    private final Status status;
    private final Path cacheFile;

    PreprocessedSet(List<ImageRecord> records, int channels, int size, float[] data, String datasetFingerprint,
                    String preprocessingFingerprint, Status status, Path cacheFile) {
        this.records = List.copyOf(records);
        this.channels = channels;
        this.size = size;
        this.data = Objects.requireNonNull(data, "data");
        if (data.length != (long) records.size() * channels * size * size) {
            throw new IllegalArgumentException("expected " + (long) records.size() * channels * size * size
                    + " samples, got " + data.length);
        }
        this.datasetFingerprint = datasetFingerprint;
        this.preprocessingFingerprint = preprocessingFingerprint;
        this.status = status;
        this.cacheFile = cacheFile;
    }

    /** Number of images. */
    public int n() {
        return records.size();
    }

    public int channels() {
        return channels;
    }

    /** Side of every (square) image in pixels. */
    public int size() {
        return size;
    }

    /** Samples per image: channels × size × size. */
    public int sampleCount() {
        return channels * size * size;
    }

    /** All samples, NCHW in index order, as a read-only view (no copy). */
    public FloatBuffer data() {
        return FloatBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** Image {@code i} as a new {@link FloatImage}. */
    public FloatImage image(int i) {
        float[] px = new float[sampleCount()];
        copyInto(i, px, 0);
        return new FloatImage(size, size, channels, px);
    }

    /** Copies image {@code i}'s samples into {@code dst} at {@code offset}, e.g. into a mini-batch buffer. */
    public void copyInto(int i, float[] dst, int offset) {
        Objects.checkIndex(i, records.size());
        System.arraycopy(data, i * sampleCount(), dst, offset, sampleCount());
    }

    /** The index record of image {@code i}: path, split folder, label, hashes. */
    public ImageRecord record(int i) {
        return records.get(i);
    }

    public List<ImageRecord> records() {
        return records;
    }

    public Label label(int i) {
        return records.get(i).label();
    }

    /** Labels in index order, aligned with the images. */
    public List<Label> labels() {
        return records.stream().map(ImageRecord::label).toList();
    }

    /** {@link org.mriworkbench.data.DatasetIndex#fingerprint()} of the data these images came from. */
    public String datasetFingerprint() {
        return datasetFingerprint;
    }

    /** {@link Preprocessing#fingerprint()} of the pipeline that produced them. */
    public String preprocessingFingerprint() {
        return preprocessingFingerprint;
    }

    /** Whether the images were read from the cache or computed (and why), for logs and benchmarks. */
    public Status status() {
        return status;
    }

    /** The cache file that holds (or now holds) these images. */
    public Path cacheFile() {
        return cacheFile;
    }

    @Override
    public String toString() {
        return "PreprocessedSet[" + n() + "x" + channels + "x" + size + "x" + size + ", " + status + "]";
    }
}
