package org.mriworkbench.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mriworkbench.core.FloatImage;
import org.mriworkbench.core.Sha256;

/**
 * Preprocessed images held in memory as one planar {@code n x C x H x W} float array (NCHW, ND4J's layout for
 * convolutions), with a class index and an id (usually the relative path) per image.
 *
 * <p>The trainer takes this rather than files so that decoding and resizing happen once, in the tensor cache, and
 * every epoch only copies floats. Instances are immutable: {@link #of} copies its arrays, and nothing hands out the
 * backing array. {@link #wrap} skips the copy for large cached sets (a 7,000-image 128x128 set is 460 MB) and
 * trusts the caller never to write into the array again.
 */
public final class TensorDataset {

    private final float[] data;
    private final int n;
    private final int channels;
    private final int height;
    private final int width;
    private final int[] labels;
    private final List<String> ids;

    private TensorDataset(float[] data, int n, int channels, int height, int width, int[] labels, List<String> ids) {
        if (n < 0 || channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("bad shape n=" + n + " c=" + channels + " h=" + height + " w=" + width);
        }
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(ids, "ids");
        if (data.length != (long) n * channels * height * width) {
            throw new IllegalArgumentException("expected " + (long) n * channels * height * width + " floats for "
                    + n + "x" + channels + "x" + height + "x" + width + ", got " + data.length);
        }
        if (labels.length != n || ids.size() != n) {
            throw new IllegalArgumentException(n + " images but " + labels.length + " labels and " + ids.size() + " ids");
        }
        for (int l : labels) {
            if (l < 0) {
                throw new IllegalArgumentException("negative class index " + l);
            }
        }
        this.data = data;
        this.n = n;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.labels = labels;
        this.ids = List.copyOf(ids);
    }

    /** A data set holding copies of {@code data} and {@code labels}. */
    public static TensorDataset of(float[] data, int n, int channels, int height, int width, int[] labels,
                                   List<String> ids) {
        return new TensorDataset(data.clone(), n, channels, height, width, labels.clone(), ids);
    }

    /**
     * A data set that takes ownership of {@code data} without copying it; the caller must not modify the array
     * afterwards. Labels are still copied (they are small).
     */
    public static TensorDataset wrap(float[] data, int n, int channels, int height, int width, int[] labels,
                                     List<String> ids) {
        return new TensorDataset(data, n, channels, height, width, labels.clone(), ids);
    }

    /** Number of images. */
    public int size() {
        return n;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Floats per image, {@code C*H*W}. */
    public int imageSize() {
        return channels * height * width;
    }

    /** Class index of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of all class indices. */
    public int[] labels() {
        return labels.clone();
    }

    /** Id (usually the relative path) of image {@code i}. */
    public String id(int i) {
        return ids.get(i);
    }

    /** All ids, in image order. */
    public List<String> ids() {
        return ids;
    }

    /** Image {@code i} as a new {@link FloatImage}. */
    public FloatImage image(int i) {
        float[] px = new float[imageSize()];
        copyImage(i, px, 0);
        return new FloatImage(width, height, channels, px);
    }

    /** Copies image {@code i} into {@code dest} at {@code offset}, for filling a minibatch without allocation. */
    public void copyImage(int i, float[] dest, int offset) {
        Objects.checkIndex(i, n);
        int size = imageSize();
        System.arraycopy(data, i * size, dest, offset, size);
    }

    /** The images at {@code indices}, in that order (repeats allowed). */
    public TensorDataset subset(int[] indices) {
        int size = imageSize();
        float[] d = new float[indices.length * size];
        int[] l = new int[indices.length];
        List<String> id = new ArrayList<>(indices.length);
        for (int k = 0; k < indices.length; k++) {
            copyImage(indices[k], d, k * size);
            l[k] = labels[indices[k]];
            id.add(ids.get(indices[k]));
        }
        return new TensorDataset(d, indices.length, channels, height, width, l, id);
    }

    /** Images per class index, for class indices in {@code [0, numClasses)}. */
    public int[] classCounts(int numClasses) {
        int[] c = new int[numClasses];
        for (int l : labels) {
            if (l >= numClasses) {
                throw new IllegalArgumentException("class index " + l + " >= numClasses " + numClasses);
            }
            c[l]++;
        }
        return c;
    }

    /**
     * SHA-256 over shape, labels, ids and pixel bits, as hex: a cheap way to record in a run manifest exactly which
     * tensors were trained on, when the caller has no better data-set fingerprint.
     */
    public String fingerprint() {
        MessageDigest md = Sha256.newDigest();
    ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(n).putInt(channels).putInt(height).putInt(width);
        for (int l : labels) {
            flushIfFull(md, buf, 4);
            buf.putInt(l);
        }
        for (float f : data) {
            flushIfFull(md, buf, 4);
            buf.putInt(Float.floatToIntBits(f));
        }
        buf.flip();
        md.update(buf);
        for (String id : ids) {
            md.update(id.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        return Sha256.hex(md);
    }

    private static void flushIfFull(MessageDigest md, ByteBuffer buf, int need) {
        if (buf.remaining() < need) {
            buf.flip();
            md.update(buf);
            buf.clear();
        }
    }

    @Override
    public String toString() {
        return "TensorDataset[" + n + "x" + channels + "x" + height + "x" + width + "]";
    }
}
