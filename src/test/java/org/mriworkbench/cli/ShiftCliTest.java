package org.mriworkbench.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;
import org.mriworkbench.data.RealData;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code shift} with a tiny one-epoch phantom model against phantoms of another seed (same distribution, labelled),
 * against inverted and darkened phantoms with broken files among them (a different distribution, unlabelled), and,
 * when the real data is there, against a small sample of the real Testing folder.
 */
class ShiftCliTest {

    private static final Pattern VERDICT = Pattern.compile(
            "shift: (SMALL|MODERATE|LARGE) \\(intensity KS (\\d\\.\\d+) on ([a-z0-9-]+)");
    private static final Pattern MEAN_ROW = Pattern.compile("\\n  mean +\\d\\.\\d+ +\\d\\.\\d+ +(\\d\\.\\d+) ");

    @TempDir
    static Path dir;
    static Path run;
    static String cache;
    static Path sameKind;

    @BeforeAll
    static void trainOnPhantoms() throws Exception {
        Path data = dir.resolve("train-set");
        new PhantomGenerator(PhantomConfig.builder().optSeed(61).optImageSize(64).optTrainingPerClass(10)
                .optTestingPerClass(4).build()).writeDataset(data);
        sameKind = dir.resolve("other-seed");
        new PhantomGenerator(PhantomConfig.builder().optSeed(62).optImageSize(64).optTrainingPerClass(4)
                .optTestingPerClass(4).build()).writeDataset(sameKind);
        cache = dir.resolve("cache").toString();
        Path runs = dir.resolve("runs");
        CliRunner.run(0, "train", "--data", data.toString(), "--cache", cache, "--size", "32", "--preset",
                "seed-baseline", "--epochs", "1", "--batch", "16", "--threads", "1", "--seed", "5", "--name", "shift",
                "--runs", runs.toString());
        try (Stream<Path> s = Files.list(runs)) {
            run = s.filter(p -> p.getFileName().toString().endsWith("-shift")).findFirst().orElseThrow();
        }
    }

    @Test
    void foreignImagesShiftMoreThanPhantomsOfAnotherSeedAndBadFilesAreSkipped() throws Exception {
        Path csv = dir.resolve("out/same.csv");
        String same = CliRunner.run(0, "shift", run.toString(), sameKind.toString(), "--csv", csv.toString(),
                "--cache", cache, "--resamples", "200");
        assertTrue(same.contains("reference: the run's training subset"), same);
        assertTrue(same.contains("metrics on the folder's labels") && same.contains("balancedAccuracy"), same);
        assertTrue(same.contains("the run's own test predictions"), same);
        List<String> rows = Files.readAllLines(csv);
        assertEquals("path,label,predicted,confidence,p_NO_TUMOR,p_TUMOR,width,height,mean,std,p1,p50,p99,near_black",
                rows.get(0));
        assertEquals(1 + 32, rows.size());
        assertTrue(Files.size(dir.resolve("out/same-confidence.png")) > 1000);
        assertTrue(Files.size(dir.resolve("out/same-intensity.png")) > 1000);

        Path foreign = foreignFolder();
        String other = CliRunner.runCapturingErrors(0, "shift", run.toString(), foreign.toString(), "--cache", cache);
        assertTrue(other.contains("skipped " + foreign.resolve("truncated.jpg")), other);
        assertTrue(other.contains("skipped " + foreign.resolve("empty.png")), other);
        assertFalse(other.contains("notes.txt"), other);
        assertTrue(other.contains("(16 images, no labels, 2 skipped)"), other);
        assertTrue(other.contains("metrics: none"), other);

        Matcher a = VERDICT.matcher(same);
        Matcher b = VERDICT.matcher(other);
        assertTrue(a.find() && b.find(), same + other);
        double ksSame = Double.parseDouble(a.group(2));
        double ksOther = Double.parseDouble(b.group(2));
        assertTrue(ksOther > ksSame, "KS " + ksOther + " (foreign) vs " + ksSame + " (same kind)");
        assertEquals("LARGE", b.group(1), other);
        assertFalse(a.group(1).equals("LARGE"), same);
        assertTrue(meanKs(other) > meanKs(same), same + other);
    }

    @Test
    void bareModelFileNeedsSizeTaskAndReference() {
        String out = CliRunner.runCapturingErrors(2, "shift", dir.resolve("elsewhere/model.zip").toString(),
                sameKind.toString());
        assertTrue(out.contains("--size, --task and --reference"), out);
    }

    @Test
    void phantomModelOnRealSlicesIsALargeShift() throws Exception {
        Path real = RealData.rootOrSkip();
        Path sample = dir.resolve("real-sample");
        for (String cls : new String[] {"glioma", "meningioma", "notumor", "pituitary"}) {
            Path to = Files.createDirectories(sample.resolve(cls));
            try (Stream<Path> s = Files.list(real.resolve("Testing").resolve(cls))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(10).toList()) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        String out = CliRunner.run(0, "shift", run.toString(), sample.toString(), "--cache", cache, "--resamples",
                "200");
        assertTrue(out.contains("(40 images, labelled, 0 skipped)"), out);
        Matcher m = VERDICT.matcher(out);
        assertTrue(m.find(), out);
        assertEquals("LARGE", m.group(1), out);
    }

    private static double meanKs(String out) {
        Matcher m = MEAN_ROW.matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    /**
     * The other-seed phantoms' Testing images, half inverted (PNG) and half darkened to 40% (JPEG), unlabelled, plus
     * a truncated JPEG, an empty PNG and a text file.
     */
    private static Path foreignFolder() throws Exception {
        Path out = Files.createDirectories(dir.resolve("foreign"));
        List<Path> sources;
        try (Stream<Path> s = Files.walk(sameKind.resolve("Testing"))) {
            sources = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        for (int i = 0; i < sources.size(); i++) {
            BufferedImage img = ImageIO.read(sources.get(i).toFile());
            BufferedImage gray = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            gray.getGraphics().drawImage(img, 0, 0, null);
            WritableRaster r = gray.getRaster();
            int[] px = r.getPixels(0, 0, r.getWidth(), r.getHeight(), (int[]) null);
            boolean invert = i % 2 == 0;
            for (int k = 0; k < px.length; k++) {
                px[k] = invert ? 255 - px[k] : (int) Math.round(px[k] * 0.4);
            }
            r.setPixels(0, 0, r.getWidth(), r.getHeight(), px);
            String name = String.format("slice-%02d.%s", i, invert ? "png" : "jpg");
            ImageIO.write(gray, invert ? "png" : "jpg", out.resolve(name).toFile());
        }
        byte[] jpeg = Files.readAllBytes(sources.get(0));
        Files.write(out.resolve("truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.write(out.resolve("empty.png"), new byte[0]);
        Files.writeString(out.resolve("notes.txt"), "not an image; never tried");
        return out;
    }
}
