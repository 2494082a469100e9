package org.mriworkbench.phantom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mriworkbench.core.AtomicFolder;
import org.mriworkbench.core.Label;
import org.mriworkbench.core.SplitMix64;

/**
 * Seeded generator of synthetic brain MRI slices ("phantoms") in the four classes of the Kaggle Brain Tumor MRI
 * Dataset. Phantoms let anyone run the whole workbench without downloading patient data, and, because each
 * tumour's mask is known, they let tests check what no real data set can: that an explanation points at the
 * tumour. They look T1-contrast-like (skull ring, CSF, grey/white matter, butterfly ventricles, Rician noise) and
 * the classes differ as real ones do, by appearance and by location (details in the package-private TumourModel).
 *
 * <p>They are NOT medical images and say nothing about real tumours; a model that does well on them has only shown
 * that the pipeline works.
 *
 * <p>Determinism: an image depends only on its own seed, derived by {@link #imageSeed} from the global seed, split,
 * label and index, never on generation order. Rendering uses {@link StrictMath} and {@link java.util.Random}, whose
 * results the Java specification fixes, so one config gives byte-identical JPEGs in any run, thread or JVM
 * that uses the same JPEG encoder.
 */
public final class PhantomGenerator {

    /**
     * Version of the rendering and file layout. Bump it whenever a change alters any written byte, so that
     * {@link #ready} rejects folders written by the older code and they get regenerated.
     */
    public static final int FORMAT_VERSION = 1;
    /** Marker written last; its content names config and version. Without it a folder is an interrupted run. */
    public static final String MARKER = ".complete";
    /** Ground-truth table: relative path, split, label, tumour centre and radius in pixels, image seed. */
    public static final String TRUTH_FILE = "phantom-truth.csv";
    /** Kaggle's split folders, in generation order. */
    public static final List<String> SPLITS = List.of("Training", "Testing");

    private static final Map<Label, String> FOLDERS = Map.of(Label.GLIOMA, "glioma", Label.MENINGIOMA, "meningioma",
            Label.NO_TUMOR, "notumor", Label.PITUITARY, "pituitary");
    private static final Map<Label, String> FILE_TAGS = Map.of(Label.GLIOMA, "gl", Label.MENINGIOMA, "me",
            Label.NO_TUMOR, "no", Label.PITUITARY, "pi");

    private final PhantomConfig config;
    private final PhantomRenderer renderer;

    public PhantomGenerator(PhantomConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.renderer = new PhantomRenderer(config.imageSize());
    }

    public PhantomConfig config() {
        return config;
    }

    /**
     * Renders one phantom. Tumour and no-tumour phantoms with the same seed share head and noise, so their
     * difference is exactly the tumour (and its oedema).
     *
     * @param label one of {@link Label#FOUR_CLASS}
     * @param seed  the image's own seed; see {@link #imageSeed} for the seeds {@link #writeDataset} uses
     */
    public Phantom render(Label label, long seed) {
        return renderer.render(label, seed).phantom();
    }

    /** Renders with the anatomy masks, for tests that check where the tumour lies. */
    PhantomRenderer.RenderedSlice renderWithAnatomy(Label label, long seed) {
        return renderer.render(label, seed);
    }

    /**
     * Seed of one image of a written data set. Mixing in the split and label by name (not by enum order or
     * position in a loop) keeps every image's seed stable when classes or counts change.
     */
    public static long imageSeed(long globalSeed, String split, Label label, int index) {
        return SplitMix64.mix(SplitMix64.mix(SplitMix64.mix(globalSeed, split.hashCode()), label.name().hashCode()),
                index);
    }

    /**
     * True when {@code root} holds a complete generation from exactly this config and {@link #FORMAT_VERSION}.
     * An interrupted, older or differently configured generation is not ready and gets regenerated.
     */
    public boolean ready(Path root) {
        Path marker = root.resolve(MARKER);
        try {
            return Files.isRegularFile(marker) && Files.isRegularFile(root.resolve(TRUTH_FILE))
                    && Files.readString(marker, StandardCharsets.UTF_8).equals(markerText());
        } catch (IOException e) {
            return false;
        }
    }

    /** True when {@code root} was written by a phantom generator (any config), so it must not be taken for real data. */
    public static boolean isPhantomDataset(Path root) {
        return Files.isRegularFile(root.resolve(MARKER)) || Files.isRegularFile(root.resolve(TRUTH_FILE));
    }

    /** True when an existing folder may be replaced by a fresh generation: empty, or an earlier phantom set. */
    private static boolean replaceable(Path root) throws IOException {
        return AtomicFolder.isEmptyDirectory(root) || (Files.isDirectory(root) && isPhantomDataset(root));
    }

    /**
     * Writes the data set in Kaggle layout ({@code root/Training/<class>/*.jpg}, {@code root/Testing/...}) with
     * {@value #TRUTH_FILE}, a README and the {@value #MARKER} marker, unless {@link #ready} says it is already
     * there. Images are written into a hidden sibling folder that is moved into place only when complete, so an
     * interrupted run never leaves a half-written {@code root}. An existing {@code root} is replaced only if it is
     * empty or an earlier phantom generation; anything else is refused rather than deleted.
     */
    public GeneratedDataset writeDataset(Path root) throws IOException {
        long start = System.nanoTime();
        Path target = root.toAbsolutePath().normalize();
        int total = totalImages();
        if (ready(target)) {
            return new GeneratedDataset(target, config, true, total, Duration.ofNanos(System.nanoTime() - start));
        }
        if (Files.exists(target) && !replaceable(target)) {
            throw new IOException("refusing to write phantoms into " + target + ": it exists, is not empty and was "
                    + "not written by the phantom generator; choose another folder or remove it");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        AtomicFolder.removeStaleSiblings(parent, target.getFileName().toString());
        Path partial = AtomicFolder.createPartial(target);
        try {
            List<String> rows = writeImages(partial);
            Files.writeString(partial.resolve(TRUTH_FILE), String.join("", rows), StandardCharsets.UTF_8);
            Files.writeString(partial.resolve("README.md"), readme(), StandardCharsets.UTF_8);
            Files.writeString(partial.resolve(MARKER), markerText(), StandardCharsets.UTF_8);
            AtomicFolder.replace(target, partial);
        } finally {
            AtomicFolder.deleteRecursively(partial);
        }
        return new GeneratedDataset(target, config, false, total, Duration.ofNanos(System.nanoTime() - start));
    }

    private int totalImages() {
        return Label.FOUR_CLASS.size() * (config.trainingPerClass() + config.testingPerClass());
    }

    private record Job(String split, Label label, int index) {
    }

    private int perClass(String split) {
        return split.equals("Training") ? config.trainingPerClass() : config.testingPerClass();
    }

    /** Renders and writes all images in parallel; returns the truth rows (header first) in a fixed order. */
    private List<String> writeImages(Path dir) throws IOException {
        List<Job> jobs = new ArrayList<>();
        for (String split : SPLITS) {
            for (Label label : Label.FOUR_CLASS) {
                Files.createDirectories(dir.resolve(split).resolve(FOLDERS.get(label)));
                for (int i = 0; i < perClass(split); i++) {
                    jobs.add(new Job(split, label, i));
                }
            }
        }
        List<String> rows = new ArrayList<>();
        rows.add("path,split,label,cx,cy,radius,seed\n");
        try {
            rows.addAll(jobs.parallelStream().map(job -> writeOne(dir, job)).toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows;
    }

    private String writeOne(Path dir, Job job) {
        long seed = imageSeed(config.seed(), job.split(), job.label(), job.index());
        Phantom phantom = render(job.label(), seed);
        String file = String.format(Locale.ROOT, "%s-%s_%04d.jpg", job.split().substring(0, 2),
                FILE_TAGS.get(job.label()), job.index() + 1);
        String relative = job.split() + "/" + FOLDERS.get(job.label()) + "/" + file;
        try {
            Files.write(dir.resolve(relative), PhantomFiles.encodeJpeg(phantom.image(), config.jpegQuality()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String where = phantom.tumour()
                .map(t -> String.format(Locale.ROOT, "%.2f,%.2f,%.2f", t.centreX(), t.centreY(), t.radius()))
                .orElse(",,");
        return relative + "," + job.split() + "," + FOLDERS.get(job.label()) + "," + where + "," + seed + "\n";
    }

    /**
     * Marker content: format version and config, one field a line, so that any change makes a folder stale. The
     * generator name is the one earlier versions wrote (the class lived in {@code data} then), kept so that phantom
     * folders generated before the move stay ready instead of being regenerated.
     */
    String markerText() {
        return "{\n"
                + "  \"generator\": \"org.mriworkbench.data.PhantomGenerator\",\n"
                + "  \"formatVersion\": " + FORMAT_VERSION + ",\n"
                + "  \"seed\": " + config.seed() + ",\n"
                + "  \"imageSize\": " + config.imageSize() + ",\n"
                + "  \"trainingPerClass\": " + config.trainingPerClass() + ",\n"
                + "  \"testingPerClass\": " + config.testingPerClass() + ",\n"
                + "  \"jpegQuality\": " + config.jpegQuality() + "\n"
                + "}\n";
    }

    private String readme() {
        return "# Synthetic brain MRI phantoms\n\n"
                + "**These images are synthetic phantoms for trying out MRI Workbench. They are NOT medical images, "
                + "must NOT be used for anything medical, and results on them say nothing about real tumours.**\n\n"
                + "Written by `org.mriworkbench.phantom.PhantomGenerator` (format version " + FORMAT_VERSION + ") with "
                + "seed " + config.seed() + ", " + config.imageSize() + "x" + config.imageSize() + " pixels, "
                + config.trainingPerClass() + " training and " + config.testingPerClass()
                + " testing images per class, in the layout of the Kaggle Brain Tumor MRI Dataset.\n\n"
                + "- glioma: irregular, heterogeneous mass inside one hemisphere, often ring-enhancing with a dark core;\n"
                + "- meningioma: round homogeneous bright mass with a broad base on the inner skull;\n"
                + "- pituitary: small bright round mass on the midline, low in the skull;\n"
                + "- notumor: no mass.\n\n"
                + "`" + TRUTH_FILE + "` gives, per image, the tumour's centroid and equivalent-area radius in pixels "
                + "(empty for notumor) and the image's seed. The same config always gives the same bytes; "
                + "regenerate instead of copying, and never commit these images.\n";
    }
}
