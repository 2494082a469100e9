package org.mriworkbench.phantom;

import java.util.Random;
import org.mriworkbench.core.Label;

/**
 * A tumour as geometry plus appearance in head-local coordinates (see {@link HeadAnatomy}). The three kinds differ
 * the way they do on real contrast-enhanced T1 slices, by look and by place, so a classifier has to learn both:
 * <ul>
 *   <li>glioma: lobulated, heterogeneous, often ring-enhancing around a dark necrotic core, with darker oedema
 *       around it, inside one hemisphere's brain tissue (intra-axial);</li>
 *   <li>meningioma: round, homogeneous and bright, sitting with a broad base on the inner skull (extra-axial),
 *       sometimes with a thin CSF cleft and a dural tail;</li>
 *   <li>pituitary: small, bright and round, on the midline below the head's centre (sellar region).</li>
 * </ul>
 */
sealed interface TumourModel {

    /**
     * Fraction of the pixel at (px, py) covered by the mass, in [0, 1]; the mask is coverage of at least 0.5.
     * Already clipped to where this kind may grow (brain for a glioma, inside the skull for a meningioma).
     *
     * @param pixel size of one pixel in head-local units, for anti-aliased edges
     */
    double coverage(double px, double py, double pixel);

    /**
     * New intensity of the pixel at (px, py) whose anatomy has intensity {@code base}. May change pixels outside
     * the mass too (oedema, CSF cleft, dural tail), which is why it is not just a blend with {@link #coverage}.
     *
     * @param detail high-frequency texture in [-1, 1] at this pixel, for heterogeneity
     */
    double paint(double px, double py, double pixel, double base, double detail);

    /** Draws a tumour of the given class for the given head; {@code label} must be a four-class tumour label. */
    static TumourModel random(Label label, HeadAnatomy head, Random rng) {
        return switch (label) {
            case GLIOMA -> new Glioma(head, rng);
            case MENINGIOMA -> new Meningioma(head, rng);
            case PITUITARY -> new Pituitary(head, rng);
            default -> throw new IllegalArgumentException("no tumour model for " + label);
        };
    }

    /** Soft step: 0 well below {@code edge}, 1 well above, linear over {@code width}. */
    static double step(double edge, double x, double width) {
        double t = (x - edge) / width + 0.5;
        return t <= 0 ? 0 : t >= 1 ? 1 : t;
    }

    /** Lobulated mass: the union of a few blobs, each a circle with a perturbed radius. */
    final class Glioma implements TumourModel {
        private static final int HARMONICS = 4;
        private final HeadAnatomy head;
        private final double[] bx;
        private final double[] by;
        private final double[] br;
        private final double[][] amp;
        private final double[][] phCos;
        private final double[][] phSin;
        private final boolean necrotic;
        private final double core;
        private final double rim;
        private final double coreValue;
        private final double solidValue;
        private final double oedemaReach;
        private final double oedemaFactor;

        Glioma(HeadAnatomy head, Random rng) {
            this.head = head;
            double side = rng.nextBoolean() ? 1 : -1;
            double radius = HeadAnatomy.uniform(rng, 0.10, 0.20);
            double cx = 0;
            double cy = 0;
            for (int attempt = 0; attempt < 60; attempt++) {
                if (attempt > 0 && attempt % 15 == 0) {
                    radius *= 0.8;
                }
                cx = side * HeadAnatomy.uniform(rng, 0.17, 0.38);
                cy = HeadAnatomy.uniform(rng, -0.45, 0.35);
                if (fits(head, cx, cy, radius * 1.3)) {
                    break;
                }
            }
            int blobs = 3 + rng.nextInt(4);
            bx = new double[blobs];
            by = new double[blobs];
            br = new double[blobs];
            amp = new double[blobs][HARMONICS];
            phCos = new double[blobs][HARMONICS];
            phSin = new double[blobs][HARMONICS];
            for (int i = 0; i < blobs; i++) {
                double angle = HeadAnatomy.uniform(rng, 0, 2 * Math.PI);
                double offset = i == 0 ? 0 : radius * HeadAnatomy.uniform(rng, 0.2, 0.5);
                bx[i] = cx + offset * StrictMath.cos(angle);
                by[i] = cy + offset * StrictMath.sin(angle);
                br[i] = radius * (i == 0 ? HeadAnatomy.uniform(rng, 0.6, 0.75) : HeadAnatomy.uniform(rng, 0.4, 0.65));
                for (int k = 0; k < HARMONICS; k++) {
                    double phase = HeadAnatomy.uniform(rng, 0, 2 * Math.PI);
                    amp[i][k] = HeadAnatomy.uniform(rng, 0, 0.22 / (k + 1));
                    phCos[i][k] = StrictMath.cos(phase);
                    phSin[i][k] = StrictMath.sin(phase);
                }
            }
            necrotic = rng.nextDouble() < 0.7;
            core = HeadAnatomy.uniform(rng, 0.35, 0.65);
            rim = HeadAnatomy.uniform(rng, 0.70, 0.95);
            coreValue = HeadAnatomy.uniform(rng, 0.10, 0.30);
            solidValue = HeadAnatomy.uniform(rng, 0.48, 0.75);
            oedemaReach = HeadAnatomy.uniform(rng, 0.2, 0.8);
            oedemaFactor = HeadAnatomy.uniform(rng, 0.72, 0.92);
        }

        private static boolean fits(HeadAnatomy head, double cx, double cy, double reach) {
            for (int k = 0; k < 16; k++) {
                double a = k * Math.PI / 8;
                if (head.brainRho(cx + reach * StrictMath.cos(a), cy + reach * StrictMath.sin(a)) > 0.9) {
                    return false;
                }
            }
            return true;
        }

        /** Distance to the nearest blob, relative to that blob's radius in that direction; below 1 inside. */
        private double distance(double px, double py, double[] radiusOut) {
            double best = Double.MAX_VALUE;
            for (int i = 0; i < bx.length; i++) {
                double dx = px - bx[i];
                double dy = py - by[i];
                double d = StrictMath.sqrt(dx * dx + dy * dy);
                double c = d < 1e-12 ? 1 : dx / d;
                double s = d < 1e-12 ? 0 : dy / d;
                double ck = 1;
                double sk = 0;
                double perturb = 1;
                for (int k = 0; k < HARMONICS; k++) {
                    double c2 = ck * c - sk * s;
                    sk = sk * c + ck * s;
                    ck = c2;
                    perturb += amp[i][k] * (ck * phCos[i][k] - sk * phSin[i][k]);
                }
                double r = br[i] * perturb;
                if (d / r < best) {
                    best = d / r;
                    radiusOut[0] = r;
                }
            }
            return best;
        }

        @Override
        public double coverage(double px, double py, double pixel) {
            if (!head.inBrain(px, py)) {
                return 0;
            }
            double[] r = new double[1];
            double d = distance(px, py, r);
            return 1 - step(1, d, pixel / r[0]);
        }

        @Override
        public double paint(double px, double py, double pixel, double base, double detail) {
            if (!head.inBrain(px, py)) {
                return base;
            }
            double[] r = new double[1];
            double d = distance(px, py, r);
            if (d > 1 + oedemaReach + 0.1) {
                return base;
            }
            double soft = pixel / r[0];
            double oedema = 1 - (1 - oedemaFactor) * (1 - step(1 + oedemaReach, d, oedemaReach));
            double around = base * oedema;
            double mass;
            if (necrotic) {
                double inRim = step(core, d, soft * 1.5);
                mass = coreValue * (1 + 0.15 * detail) * (1 - inRim) + rim * (1 + 0.10 * detail) * inRim;
            } else {
                mass = solidValue * (1 + 0.18 * detail);
            }
            double cov = 1 - step(1, d, soft);
            return around * (1 - cov) + mass * cov;
        }
    }

    /** Round homogeneous mass whose disc crosses the inner skull surface, clipped there: a broad dural base. */
    final class Meningioma implements TumourModel {
        private final HeadAnatomy head;
        private final double cx;
        private final double cy;
        private final double radius;
        private final double value;
        private final double attachX;
        private final double attachY;
        private final double tail;
        private final boolean cleft;

        Meningioma(HeadAnatomy head, Random rng) {
            this.head = head;
            double angle = HeadAnatomy.uniform(rng, 0, 2 * Math.PI);
            double[] attach = head.innerSkullPoint(StrictMath.cos(angle), StrictMath.sin(angle));
            attachX = attach[0];
            attachY = attach[1];
            double len = StrictMath.sqrt(attachX * attachX + attachY * attachY);
            radius = HeadAnatomy.uniform(rng, 0.09, 0.19);
            double inset = radius * HeadAnatomy.uniform(rng, 0.35, 0.7);
            cx = attachX - attachX / len * inset;
            cy = attachY - attachY / len * inset;
            value = HeadAnatomy.uniform(rng, 0.66, 0.9);
            tail = rng.nextDouble() < 0.5 ? radius * HeadAnatomy.uniform(rng, 1.4, 2.2) : 0;
            cleft = rng.nextDouble() < 0.6;
        }

        private boolean intracranial(double px, double py) {
            return head.rho(px, py) < head.innerSkull(px, py);
        }

        @Override
        public double coverage(double px, double py, double pixel) {
            if (!intracranial(px, py)) {
                return 0;
            }
            double dx = px - cx;
            double dy = py - cy;
            return 1 - step(radius, StrictMath.sqrt(dx * dx + dy * dy), pixel);
        }

        @Override
        public double paint(double px, double py, double pixel, double base, double detail) {
            if (!intracranial(px, py)) {
                return base;
            }
            double dx = px - cx;
            double dy = py - cy;
            double d = StrictMath.sqrt(dx * dx + dy * dy);
            double around = base;
            if (cleft && head.inBrain(px, py)) {
                double inCleft = (1 - step(radius + 1.5 * pixel, d, pixel)) * step(radius, d, pixel);
                around = base * (1 - 0.7 * inCleft);
            }
            if (tail > 0 && !head.inBrain(px, py)) {
                double ax = px - attachX;
                double ay = py - attachY;
                double along = StrictMath.sqrt(ax * ax + ay * ay);
                double taper = 1 - step(tail, along, tail * 0.5);
                around = around + (value * 0.75 - around) * taper;
            }
            double cov = 1 - step(radius, d, pixel);
            return around * (1 - cov) + value * (1 + 0.04 * detail) * cov;
        }
    }

    /** Small bright midline mass low in the skull, where the sella turcica is. */
    final class Pituitary implements TumourModel {
        private final HeadAnatomy head;
        private final double cx;
        private final double cy;
        private final double rx;
        private final double ry;
        private final double value;

        Pituitary(HeadAnatomy head, Random rng) {
            this.head = head;
            double x = HeadAnatomy.uniform(rng, -0.025, 0.025);
            double y = HeadAnatomy.uniform(rng, 0.32, 0.46);
            ry = HeadAnatomy.uniform(rng, 0.05, 0.095);
            rx = ry * HeadAnatomy.uniform(rng, 1.0, 1.35);
            while (head.brainRho(x, y + ry * 1.3) > 0.92 && y > 0.2) {
                y -= 0.01;
            }
            cx = x;
            cy = y;
            value = HeadAnatomy.uniform(rng, 0.68, 0.92);
        }

        private double distance(double px, double py) {
            double a = (px - cx) / rx;
            double b = (py - cy) / ry;
            return StrictMath.sqrt(a * a + b * b);
        }

        @Override
        public double coverage(double px, double py, double pixel) {
            if (!head.inBrain(px, py)) {
                return 0;
            }
            return 1 - step(1, distance(px, py), pixel / ry);
        }

        @Override
        public double paint(double px, double py, double pixel, double base, double detail) {
            double cov = coverage(px, py, pixel);
            return base * (1 - cov) + value * (1 + 0.05 * detail) * cov;
        }
    }
}
