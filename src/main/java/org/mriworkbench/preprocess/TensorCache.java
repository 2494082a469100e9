package org.mriworkbench.preprocess;

import org.mriworkbench.core.FloatImage;
import org.mriworkbench.core.Sha256;
import org.mriworkbench.data.DatasetIndex;
import org.mriworkbench.decode.ImageDecodeException;
import org.mriworkbench.data.ImageRecord;
import org.mriworkbench.core.ProgressListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps preprocessed images on disk so that experiments after the first do not decode thousands of JPEGs again.
 * The cache key is the pair ({@link DatasetIndex#fingerprint()}, {@link Preprocessing#fingerprint()}): adding,
 * removing, relabelling or changing any file, or changing any preprocessing parameter, gives a different file, so a
 * stale cache is never read. Old files are left in place (other configurations may still want them); deleting the
 * cache folder is always safe.
 *
 * <p>On a miss every image is read, checked against the SHA-256 the scan recorded, decoded and preprocessed on a
 * fixed pool of threads, then written in one file ({@link TensorFile}). On a hit the file is memory-mapped and read
 * in bulk. A damaged or truncated file is rebuilt.
 */
public final class TensorCache {

    private static final System.Logger LOG = System.getLogger(TensorCache.class.getName());
    private static final int MAX_PROBLEMS = 20;

    private final int threads;

    private TensorCache(int threads) {
        this.threads = threads;
    }

    /** A cache that preprocesses with one thread per available core. */
    public static TensorCache create() {
        return new TensorCache(Runtime.getRuntime().availableProcessors());
    }

    /** The same cache with a fixed number of preprocessing threads. */
    public TensorCache withThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        return new TensorCache(n);
    }

    /** The file that holds (or would hold) {@code index} preprocessed by {@code pre} under {@code cacheDir}. */
    public static Path cacheFile(DatasetIndex index, Preprocessing pre, Path cacheDir) {
        String key = Sha256.hex(index.fingerprint() + "/" + pre.fingerprint());
        return cacheDir.resolve("tensors-" + key.substring(0, 32) + ".f32");
    }

    /**
     * Returns every image of {@code index} after {@code pre}, from the cache when a valid file exists, otherwise
     * computed and written. Progress is reported as stage "preprocess" while computing.
     *
     * @throws StaleIndexException      when files changed on disk since the scan (re-scan, then load again)
     * @throws IllegalArgumentException when {@code pre} does not give every image the same square size
     * @throws UncheckedIOException     when the cache folder cannot be written
     */
    public PreprocessedSet load(DatasetIndex index, Preprocessing pre, Path cacheDir, ProgressListener progress) {
        if (index.size() == 0) {
            throw new IllegalArgumentException("the index holds no images");
        }
        Path file = cacheFile(index, pre, cacheDir);
        PreprocessedSet.Status status = PreprocessedSet.Status.MISS;
        if (Files.exists(file)) {
            try {
                PreprocessedSet hit = tryRead(index, pre, file);
                if (hit != null) {
                    return hit;
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot read tensor cache " + file + ": " + e);
            }
            status = PreprocessedSet.Status.REBUILT;
        }
        Built built = build(index, pre, progress);
        TensorFile.Header header = new TensorFile.Header(index.size(), built.channels, built.size,
                index.fingerprint(), pre.fingerprint());
        try {
            TensorFile.write(file, header, pre.describe(), built.data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tensor cache " + file + ": " + e.getMessage(), e);
        }
        return new PreprocessedSet(index.records(), built.channels, built.size, built.data, index.fingerprint(),
                pre.fingerprint(), status, file);
    }

    private static PreprocessedSet tryRead(DatasetIndex index, Preprocessing pre, Path file) throws IOException {
        TensorFile.ReadResult r = TensorFile.read(file, index.size(), index.fingerprint(), pre.fingerprint());
        if (r.data() == null) {
            LOG.log(System.Logger.Level.WARNING, "tensor cache " + file + " rejected: " + r.rejection()
                    + "; rebuilding");
            return null;
        }
        return new PreprocessedSet(index.records(), r.header().channels(), r.header().size(), r.data(),
                index.fingerprint(), pre.fingerprint(), PreprocessedSet.Status.HIT, file);
    }

    private record Built(int channels, int size, float[] data) {
    }

    private Built build(DatasetIndex index, Preprocessing pre, ProgressListener progress) {
        int n = index.size();
        Problems problems = new Problems();
        AtomicLong done = new AtomicLong();
        progress.onProgress("preprocess", 0, n);
        // The first image fixes the shape that every other image must have.
        FloatImage first = process(index, pre, 0, problems);
        if (first == null) {
            throw new StaleIndexException(n, problems.count.get(), List.copyOf(problems.first));
        }
        if (first.width() != first.height()) {
            throw new IllegalArgumentException("preprocessing must give square images (add ResizePad); got "
                    + first.width() + "x" + first.height() + " from " + pre.describe());
        }
        int channels = first.channels();
        int size = first.width();
        int per = channels * size * size;
        if ((long) per * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " images of " + channels + "x" + size + "x" + size
                    + " do not fit one array; use a smaller size");
        }
        float[] data = new float[per * n];
        System.arraycopy(first.pixels(), 0, data, 0, per);
        progress.onProgress("preprocess", done.incrementAndGet(), n);
        AtomicInteger next = new AtomicInteger(1);
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                FloatImage img = process(index, pre, i, problems);
                if (img != null) {
                    if (img.width() != size || img.height() != size || img.channels() != channels) {
                        throw new IllegalArgumentException("preprocessing must give every image the same shape "
                                + "(add ResizePad); image " + index.get(i).path() + " came out " + img
                                + ", the first " + first);
                    }
                    System.arraycopy(img.pixels(), 0, data, i * per, per);
                }
                progress.onProgress("preprocess", done.incrementAndGet(), n);
            }
        };
        runOnPool(worker);
        if (problems.count.get() > 0) {
            throw new StaleIndexException(n, problems.count.get(), List.copyOf(problems.first));
        }
        return new Built(channels, size, data);
    }

    private void runOnPool(Runnable worker) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mri-preprocess");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("preprocessing interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("preprocessing failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads, verifies and preprocesses one image; null (with a problem recorded) when the file no longer fits. */
    private static FloatImage process(DatasetIndex index, Preprocessing pre, int i, Problems problems) {
        ImageRecord r = index.get(i);
        Path file = index.file(i);
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (!Sha256.hex(bytes).equals(r.sha256())) {
                return problem(problems, r, "content differs from the scan (SHA-256 changed)");
            }
            return pre.decodeAndApply(bytes, file);
        } catch (NoSuchFileException e) {
            return problem(problems, r, "file no longer exists");
        } catch (IOException e) {
            return problem(problems, r, "cannot read file: " + e.getMessage());
        } catch (ImageDecodeException e) {
            return problem(problems, r, "cannot decode: " + e.reason());
        }
    }

    /** Files that no longer match the index: how many, and the first few for the message. */
    private static final class Problems {
        final AtomicInteger count = new AtomicInteger();
        final Queue<String> first = new ConcurrentLinkedQueue<>();
    }

    private static FloatImage problem(Problems problems, ImageRecord r, String what) {
        if (problems.count.getAndIncrement() < MAX_PROBLEMS) {
            problems.first.add(r.path() + ": " + what);
        }
        return null;
    }
}
