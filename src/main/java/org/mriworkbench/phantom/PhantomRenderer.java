package org.mriworkbench.phantom;

import java.util.Optional;
import java.util.Random;
import org.mriworkbench.core.FloatImage;
import org.mriworkbench.core.Label;
import org.mriworkbench.core.SplitMix64;

/**
 * Paints one phantom slice: anatomy, then the tumour, then the acquisition (blur, Rician noise, bias field,
 * window). Anatomy, tumour and noise draw from three generators derived from the one seed, so a tumour phantom and
 * a no-tumour phantom with the same seed share head and noise and differ only by the tumour: a free counterfactual
 * pair for explanation tests.
 */
final class PhantomRenderer {

    /** What tests need besides the public {@link Phantom}: the anatomy masks the tumour is checked against. */
    record RenderedSlice(Phantom phantom, boolean[] head, boolean[] skull, boolean[] brain,
                         double headCentreX, double headCentreY, double headRotation, double headScale) {

        /** Head-local x of pixel (x, y), in pixels: distance from the midline, positive to the image's right. */
        double acrossMidline(double x, double y) {
            return StrictMath.cos(headRotation) * (x - headCentreX) + StrictMath.sin(headRotation) * (y - headCentreY);
        }

        /** Head-local y of pixel (x, y), in pixels: positive below the head's centre (towards the skull base). */
        double belowCentre(double x, double y) {
            return -StrictMath.sin(headRotation) * (x - headCentreX) + StrictMath.cos(headRotation) * (y - headCentreY);
        }
    }

    private final int size;

    PhantomRenderer(int size) {
        this.size = size;
    }

    RenderedSlice render(Label label, long seed) {
        if (!Label.FOUR_CLASS.contains(label)) {
            throw new IllegalArgumentException("phantoms exist only for the four Kaggle classes, not " + label);
        }
        Random anatomyRng = new Random(SplitMix64.mix(seed, 0x41L));
        Random tumourRng = new Random(SplitMix64.mix(seed, 0x54L));
        Random noiseRng = new Random(SplitMix64.mix(seed, 0x4eL));

        HeadAnatomy head = new HeadAnatomy(anatomyRng);
        Tissue tissue = new Tissue(anatomyRng, size);
        Optional<TumourModel> tumour = label.isTumour()
                ? Optional.of(TumourModel.random(label, head, tumourRng)) : Optional.empty();
        PhantomTexture detail = new PhantomTexture(tumourRng, size, 6, 8, 20);

        int n = size * size;
        double[] value = new double[n];
        boolean[] headMask = new boolean[n];
        boolean[] skullMask = new boolean[n];
        boolean[] brainMask = new boolean[n];
        boolean[] tumourMask = new boolean[n];
        double pixel = 2.0 / (size * head.scale);
        for (int y = 0; y < size; y++) {
            double qy = (y + 0.5) / size * 2 - 1;
            for (int x = 0; x < size; x++) {
                double qx = (x + 0.5) / size * 2 - 1;
                double px = head.localX(qx, qy);
                double py = head.localY(qx, qy);
                int i = y * size + x;
                double rho = head.rho(px, py);
                double inner = head.innerSkull(px, py);
                headMask[i] = rho < 1;
                skullMask[i] = rho < 1 && rho >= inner;
                brainMask[i] = rho < head.brainEdge(px, py);
                double v = tissue.anatomy(head, px, py, pixel, x, y);
                if (tumour.isPresent()) {
                    TumourModel t = tumour.get();
                    v = t.paint(px, py, pixel, v, detail.at(x, y));
                    tumourMask[i] = t.coverage(px, py, pixel) >= 0.5;
                }
                value[i] = v * (1 + tissue.biasX * qx + tissue.biasY * qy);
            }
        }
        tissue.addVessels(head, value, size, pixel, anatomyRng);
        float[] pixels = acquire(value, noiseRng);

        FloatImage image = new FloatImage(size, size, 1, pixels);
        Optional<TumourRegion> region = tumour.map(t -> TumourRegion.fromMask(size, size, tumourMask));
        double centreX = (head.shiftX + 1) / 2 * size - 0.5;
        double centreY = (head.shiftY + 1) / 2 * size - 0.5;
        return new RenderedSlice(new Phantom(image, label, region), headMask, skullMask, brainMask, centreX, centreY,
                head.rotation, head.scale);
    }

    /** Blur, Rician noise and a random window: what makes a clean drawing look like an acquired slice. */
    private float[] acquire(double[] value, Random rng) {
        double[] blurred = blur(value, HeadAnatomy.uniform(rng, 0.45, 0.8));
        double sigma = HeadAnatomy.uniform(rng, 0.012, 0.04);
        double gain = HeadAnatomy.uniform(rng, 0.85, 1.15);
        double offset = HeadAnatomy.uniform(rng, -0.03, 0.015);
        double gamma = HeadAnatomy.uniform(rng, 0.8, 1.25);
        float[] out = new float[value.length];
        for (int i = 0; i < value.length; i++) {
            // Magnitude of a complex signal with Gaussian noise in both channels: Rician, as in MRI magnitude images.
            double re = blurred[i] + sigma * rng.nextGaussian();
            double im = sigma * rng.nextGaussian();
            double m = StrictMath.sqrt(re * re + im * im);
            double w = gain * m + offset;
            w = w <= 0 ? 0 : StrictMath.pow(w, gamma);
            out[i] = (float) (w >= 1 ? 1 : w);
        }
        return out;
    }

    /** Separable Gaussian blur with edge clamping. */
    private double[] blur(double[] in, double sigma) {
        int radius = 2;
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = StrictMath.exp(-k * k / (2 * sigma * sigma));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        double[] tmp = new double[in.length];
        double[] out = new double[in.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = Math.min(size - 1, Math.max(0, x + k));
                    acc += kernel[k + radius] * in[y * size + xx];
                }
                tmp[y * size + x] = acc;
            }
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int yy = Math.min(size - 1, Math.max(0, y + k));
                    acc += kernel[k + radius] * tmp[yy * size + x];
                }
                out[y * size + x] = acc;
            }
        }
        return out;
    }

    /** Intensities and texture of the normal head: T1-like, white matter brighter than grey, CSF dark. */
    private static final class Tissue {
        final double skull;
        final double stripeDepth;
        final double csf;
        final double grey;
        final double white;
        final double biasX;
        final double biasY;
        final PhantomTexture smooth;
        final PhantomTexture boundary;

        Tissue(Random rng, int size) {
            skull = HeadAnatomy.uniform(rng, 0.72, 0.95);
            stripeDepth = HeadAnatomy.uniform(rng, 0.35, 0.6);
            csf = HeadAnatomy.uniform(rng, 0.05, 0.14);
            grey = HeadAnatomy.uniform(rng, 0.36, 0.48);
            white = grey + HeadAnatomy.uniform(rng, 0.10, 0.22);
            biasX = HeadAnatomy.uniform(rng, -0.08, 0.08);
            biasY = HeadAnatomy.uniform(rng, -0.08, 0.08);
            smooth = new PhantomTexture(rng, size, 6, 1, 4);
            boundary = new PhantomTexture(rng, size, 6, 4, 10);
        }

        double anatomy(HeadAnatomy head, double px, double py, double pixel, int x, int y) {
            double rho = head.rho(px, py);
            double pixelRho = pixel / head.rhoUnit();
            double inHead = 1 - TumourModel.step(1, rho, pixelRho);
            if (inHead == 0) {
                return 0;
            }
            double inner = head.innerSkull(px, py);
            double edge = head.brainEdge(px, py);
            double inSkull = TumourModel.step(inner, rho, pixelRho) * inHead;
            double inBrain = 1 - TumourModel.step(edge, rho, pixelRho);
            double inCsf = Math.max(0, inHead - inSkull - inBrain);

            // Bright scalp fat and diploe with a darker band of cortical bone between them.
            double depth = (1 - rho) / (1 - inner);
            double stripe = 1 - TumourModel.step(0.12, Math.abs(depth - stripeDepth), pixelRho / (1 - inner));
            double skullValue = skull * (1 - 0.6 * stripe);
            double v = inSkull * skullValue + inCsf * csf;
            if (inBrain > 0) {
                v += inBrain * brain(head, px, py, pixel, rho / edge, x, y);
            }
            return v;
        }

        private double brain(HeadAnatomy head, double px, double py, double pixel, double rn, int x, int y) {
            double wobble = 0.06 * boundary.at(x, y);
            double inWhite = 1 - TumourModel.step(head.greyWhiteBoundary + wobble, rn, pixel * 2);
            double v = grey + (white - grey) * inWhite;
            if (rn > 0.8) {
                // Sulci: thin CSF clefts running inwards from the surface, spaced by the number of gyri.
                double angle = StrictMath.atan2(py, px);
                double arg = head.gyri * angle / 2 + head.gyriPhase + 2.5 * boundary.at(x, y);
                double r = StrictMath.sqrt(px * px + py * py);
                double dist = Math.abs(StrictMath.sin(arg)) / (head.gyri / 2.0) * r;
                double sulcus = (1 - TumourModel.step(0.006, dist, pixel)) * TumourModel.step(0.88, rn, 0.08);
                v += (csf - v) * 0.85 * sulcus;
            }
            double ventricleEnd = head.ventricleHalfLength * 0.9;
            boolean outsideVentricles = py < head.ventricleY - ventricleEnd || py > head.ventricleY + ventricleEnd;
            if (outsideVentricles) {
                // Interhemispheric fissure in front of and behind the ventricles.
                double fissure = 1 - TumourModel.step(0.006, Math.abs(px), pixel);
                v += (csf - v) * 0.8 * fissure;
            }
            double inVentricle = 1 - TumourModel.step(1, head.ventricleDistance(px, py),
                    pixel / head.ventricleHalfWidth);
            v = v * (1 + 0.12 * smooth.at(x, y));
            return v + (csf - v) * inVentricle;
        }

        /** A few bright dots (vessels) in every class, so "any bright spot" is not already a tumour detector. */
        void addVessels(HeadAnatomy head, double[] value, int size, double pixel, Random rng) {
            int count = rng.nextInt(4);
            for (int k = 0; k < count; k++) {
                double px = HeadAnatomy.uniform(rng, -0.5, 0.5);
                double py = HeadAnatomy.uniform(rng, -0.6, 0.6);
                double r = HeadAnatomy.uniform(rng, 0.6, 1.3) * pixel;
                double boost = HeadAnatomy.uniform(rng, 0.15, 0.3);
                if (head.brainRho(px, py) > 0.85) {
                    continue;
                }
                int cx = (int) Math.floor((head.imageX(px, py) + 1) / 2 * size);
                int cy = (int) Math.floor((head.imageY(px, py) + 1) / 2 * size);
                for (int y = Math.max(0, cy - 3); y <= Math.min(size - 1, cy + 3); y++) {
                    for (int x = Math.max(0, cx - 3); x <= Math.min(size - 1, cx + 3); x++) {
                        double qx = (x + 0.5) / size * 2 - 1;
                        double qy = (y + 0.5) / size * 2 - 1;
                        double dx = head.localX(qx, qy) - px;
                        double dy = head.localY(qx, qy) - py;
                        double cov = 1 - TumourModel.step(r, StrictMath.sqrt(dx * dx + dy * dy), pixel);
                        value[y * size + x] += boost * cov;
                    }
                }
            }
        }
    }
}
