package org.mriworkbench.data;

import org.mriworkbench.core.Label;
import org.mriworkbench.core.ProgressListener;
import org.mriworkbench.core.FloatImage;
import org.mriworkbench.core.Resample;
import org.mriworkbench.core.Sha256;
import org.mriworkbench.decode.ImageDecoder;
import org.mriworkbench.decode.ImageDecodeException;
import org.mriworkbench.decode.ImageTooLargeException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Walks a data-set folder and builds a {@link DatasetIndex}: every image decoded once, hashed (SHA-256 of the bytes,
 * dHash of the pixels) and described. Decoding every file up front is what makes later steps trustworthy: corrupt
 * files are found here, reported and skipped, not in the middle of epoch 7.
 *
 * <p>Accepts the Kaggle layout ({@code Training/<class>/*}, {@code Testing/<class>/*}) and a flat
 * {@code <class>/*} layout. Which files count as images is decided by {@link FileWalker}, the walker that
 * {@code predict} and {@code shift} use too: hidden files and folders (such as {@code .ipynb_checkpoints}, which the
 * real data set contains) are ignored, as are {@code __MACOSX} folders from zip files; symlinked folders are
 * followed once each, and a loop is reported, not followed.
 *
 * <p>It is safe on any folder tree: an image whose header declares more pixels than {@link #withMaxPixels} allows is
 * refused before decoding, and a file name the JVM cannot represent is reported instead of indexed under a name that
 * would not find it again.
 */
public final class DatasetScanner {

    /** Side of the grayscale thumbnails kept for pixel-level duplicate confirmation. */
    public static final int THUMB = 32;

    private final int threads;
    private final ProgressListener progress;
    private final Path cacheDir;
    private final long maxPixels;

    private DatasetScanner(int threads, ProgressListener progress, Path cacheDir, long maxPixels) {
        this.threads = threads;
        this.progress = progress;
        this.cacheDir = cacheDir;
        this.maxPixels = maxPixels;
    }

    /** A scanner using every available core, reporting no progress, with the default pixel limit. */
    public static DatasetScanner create() {
        return new DatasetScanner(Runtime.getRuntime().availableProcessors(), ProgressListener.NONE, null,
                ImageDecoder.DEFAULT_MAX_PIXELS);
    }

    /**
     * The same scanner refusing images whose header declares more than {@code pixels} pixels (width × height),
     * before decoding them; default {@link ImageDecoder#DEFAULT_MAX_PIXELS}.
     */
    public DatasetScanner withMaxPixels(long pixels) {
        if (pixels < 1) {
            throw new IllegalArgumentException("max pixels must be >= 1, got " + pixels);
        }
        return new DatasetScanner(threads, progress, cacheDir, pixels);
    }

    /** The pixel limit in use. */
    public long maxPixels() {
        return maxPixels;
    }

    /** The same scanner with a fixed number of decoding threads. */
    public DatasetScanner withThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        return new DatasetScanner(n, progress, cacheDir, maxPixels);
    }

    /** The same scanner reporting progress as stage "scan". */
    public DatasetScanner withProgress(ProgressListener listener) {
        return new DatasetScanner(threads, listener, cacheDir, maxPixels);
    }

    /**
     * The same scanner keeping its results in {@code dir}, so that scanning an unchanged folder again only lists
     * it. Any changed, added or removed file (by size or modification time) means a full scan.
     */
    public DatasetScanner withCache(Path dir) {
        return new DatasetScanner(threads, progress, dir, maxPixels);
    }

    private record Candidate(Path file, String relative, Origin origin, Label label) {
    }

    private record Outcome(ImageRecord record, float[] thumbnail, ScanIssue issue) {
    }

    /**
     * Scans {@code root}.
     *
     * @throws DataLayoutException when the folder is missing, not a folder, or holds no readable image
     */
    public DatasetIndex scan(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            throw new DataLayoutException(abs, "data-set folder does not exist");
        }
        if (!Files.isDirectory(abs)) {
            throw new DataLayoutException(abs, "data-set path is not a folder");
        }
        List<ScanIssue> issues = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        List<ClassFolder> classes = new ArrayList<>();
        FileWalker walker = new FileWalker(abs);
        walker.enter(abs);
        List<Path> splitDirs = children(abs).stream().filter(Files::isDirectory)
                .filter(d -> Origin.fromFolderName(name(d)).isPresent()).toList();
        DatasetIndex.Layout layout = splitDirs.isEmpty() ? DatasetIndex.Layout.FLAT : DatasetIndex.Layout.KAGGLE;
        if (layout == DatasetIndex.Layout.KAGGLE) {
            for (Path child : children(abs)) {
                // Files beside the split folders (README, licence, CSVs) are normal; only folders are suspicious.
                if (!splitDirs.contains(child) && Files.isDirectory(child)) {
                    issues.add(new ScanIssue(rel(abs, child), ScanIssue.Kind.STRAY_FILE,
                            "folder beside Training/Testing that is not a split; ignored"));
                }
            }
            for (Path split : splitDirs) {
                if (walker.enter(split)) {
                    classes.addAll(classFolders(abs, split, Origin.fromFolderName(name(split)).orElseThrow(), issues,
                            walker));
                }
            }
        } else {
            classes.addAll(classFolders(abs, abs, Origin.UNSPLIT, issues, walker));
        }
        // Every class folder was entered before any is walked, so a link inside one class folder to another
        // (Training/glioma/more -> ../meningioma) is the repeat, whatever the path order.
        for (ClassFolder c : classes) {
            int before = candidates.size();
            collectFiles(abs, c.dir, c.origin, c.label, candidates, issues, walker);
            if (candidates.size() == before) {
                issues.add(new ScanIssue(rel(abs, c.dir), ScanIssue.Kind.EMPTY_CLASS_FOLDER,
                        "class folder holds no images"));
            }
        }
        issues.addAll(walker.issues());
        if (candidates.isEmpty()) {
            throw new DataLayoutException(abs, "no images found" + (issues.isEmpty() ? "" : " (" + issues.size()
                    + " problems, first: " + issues.get(0) + ")"));
        }
        candidates.sort((a, b) -> a.relative.compareTo(b.relative));
        String key = cacheDir == null ? null : cacheKey(abs, candidates);
        if (key != null) {
            DatasetIndex cached = IndexCache.read(cacheDir, key, abs, layout);
            if (cached != null) {
                List<ScanIssue> all = new ArrayList<>(issues);
                all.addAll(cached.issues());
                progress.onProgress("scan", candidates.size(), candidates.size());
                return new DatasetIndex(abs, layout, cached.records(), thumbnails(cached), all);
            }
        }
        List<Outcome> outcomes = decodeAll(candidates);
        List<ImageRecord> records = new ArrayList<>();
        List<float[]> thumbs = new ArrayList<>();
        List<ScanIssue> decodeIssues = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.issue != null) {
                decodeIssues.add(o.issue);
            } else {
                records.add(o.record);
                thumbs.add(o.thumbnail);
            }
        }
        issues.addAll(decodeIssues);
        if (records.isEmpty()) {
            throw new DataLayoutException(abs, "no readable images among " + candidates.size() + " files (first: "
                    + issues.get(issues.size() - 1) + ")");
        }
        DatasetIndex index = new DatasetIndex(abs, layout, records, thumbs, issues);
        if (key != null) {
            IndexCache.write(cacheDir, key, index, decodeIssues, THUMB * THUMB);
        }
        return index;
    }

    private static List<float[]> thumbnails(DatasetIndex index) {
        List<float[]> out = new ArrayList<>(index.size());
        for (int i = 0; i < index.size(); i++) {
            out.add(index.thumbnailUnsafe(i));
        }
        return out;
    }

    /** Hash of what the scan would read: every candidate's path, size, time, origin and label, and the format version. */
    private String cacheKey(Path root, List<Candidate> candidates) {
        try {
            MessageDigest md = Sha256.newDigest();
            md.update(("scanner-v3|thumb" + THUMB + "|maxPixels" + maxPixels + "|" + root + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (Candidate c : candidates) {
                java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(c.file,
                        java.nio.file.attribute.BasicFileAttributes.class);
                md.update((c.relative + '|' + a.size() + '|' + a.lastModifiedTime().toMillis() + '|' + c.origin + '|'
                        + c.label + '\n').getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return Sha256.hex(md);
        } catch (IOException e) {
            return null;
        }
    }

    private record ClassFolder(Path dir, Origin origin, Label label) {
    }

    /** The class folders of one split (or of the flat root), entered in the walker; problems go to {@code issues}. */
    private static List<ClassFolder> classFolders(Path root, Path dir, Origin origin, List<ScanIssue> issues,
                                                  FileWalker walker) {
        List<ClassFolder> out = new ArrayList<>();
        for (Path child : children(dir)) {
            if (!Files.isDirectory(child)) {
                issues.add(new ScanIssue(rel(root, child), ScanIssue.Kind.STRAY_FILE,
                        "file outside any class folder; ignored"));
                continue;
            }
            Optional<Label> label = Label.fromFolderName(name(child));
            if (label.isEmpty()) {
                issues.add(new ScanIssue(rel(root, child), ScanIssue.Kind.UNKNOWN_CLASS_FOLDER,
                        "unknown class folder '" + name(child) + "'; known names: glioma, meningioma, pituitary, "
                                + "notumor (and aliases such as glioma_tumor, no_tumor, normal, yes, no)"));
                continue;
            }
            if (walker.enter(child)) { // else a second link to a class folder; the walker reports it
                out.add(new ClassFolder(child, origin, label.get()));
            }
        }
        return out;
    }

    private static void collectFiles(Path root, Path dir, Origin origin, Label label, List<Candidate> out,
                                     List<ScanIssue> issues, FileWalker walker) {
        List<Path> images = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        walker.collect(dir, images, others);
        for (Path image : images) {
            String relative = rel(root, image);
            if (!resolvesTo(root, relative, image)) {
                // The name's bytes are not valid in the JVM's file-name encoding: the index could not find it again.
                issues.add(new ScanIssue(relative, ScanIssue.Kind.UNREPRESENTABLE_NAME, "file name is not valid in "
                        + "the file-name encoding " + System.getProperty("sun.jnu.encoding", "(unknown)")
                        + "; rename the file (ASCII or UTF-8) to include it"));
            } else {
                out.add(new Candidate(image, relative, origin, label));
            }
        }
        for (Path other : others) {
            issues.add(new ScanIssue(rel(root, other), ScanIssue.Kind.NOT_AN_IMAGE,
                    "not an image file (expected .jpg, .jpeg or .png); ignored"));
        }
    }

    private List<Outcome> decodeAll(List<Candidate> candidates) {
        AtomicLong done = new AtomicLong();
        int total = candidates.size();
        progress.onProgress("scan", 0, total);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mri-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>(total);
            for (Candidate c : candidates) {
                futures.add(pool.submit(() -> {
                    Outcome o = inspect(c, maxPixels);
                    progress.onProgress("scan", done.incrementAndGet(), total);
                    return o;
                }));
            }
            List<Outcome> out = new ArrayList<>(total);
            for (Future<Outcome> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scan failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome inspect(Candidate c, long maxPixels) {
        try {
            byte[] bytes = ImageDecoder.read(c.file, maxPixels);
            ImageDecoder.Decoded d = ImageDecoder.decodeGray(bytes, c.file, maxPixels);
            FloatImage gray = d.image();
            ImageRecord r = new ImageRecord(c.relative, c.origin, c.label, gray.width(), gray.height(),
                    d.sourceChannels(), d.bitDepth(), d.format().name(), bytes.length, Sha256.hex(bytes), dHash(gray));
            float[] thumb = Resample.plane(gray.pixels(), 0, gray.width(), gray.height(), THUMB, THUMB);
            return new Outcome(r, thumb, null);
        } catch (ImageTooLargeException e) {
            return new Outcome(null, null, new ScanIssue(c.relative, ScanIssue.Kind.IMAGE_TOO_LARGE, e.reason()));
        } catch (ImageDecodeException e) {
            return new Outcome(null, null, new ScanIssue(c.relative, ScanIssue.Kind.UNREADABLE_IMAGE, e.reason()));
        }
    }

    /** Krawetz's difference hash of a grayscale image: 9×8 area average, bit set where a pixel is brighter than its right neighbour. */
    public static long dHash(FloatImage gray) {
        float[] small = Resample.plane(gray.pixels(), 0, gray.width(), gray.height(), 9, 8);
        long h = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                h <<= 1;
                if (small[y * 9 + x] > small[y * 9 + x + 1]) {
                    h |= 1;
                }
            }
        }
        return h;
    }

    /** Whether the relative name an index would store finds {@code file} again. */
    private static boolean resolvesTo(Path root, String relative, Path file) {
        try {
            return root.resolve(relative).equals(file);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    private static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static List<Path> children(Path dir) {
        return FileWalker.children(dir);
    }
}
