package org.mriworkbench.phantom;

import java.util.Random;

/**
 * The random anatomy of one phantom head, as geometry in head-local coordinates: the head's centre is the origin,
 * x points to the image's right, y downwards (anterior at the top, as in radiological axial slices) and the
 * head's half-height is about 0.86. Keeping anatomy as functions of a point, not as pixels, lets the tumour models
 * ask "is this point brain?" at any resolution and lets tests check masks against the same geometry.
 *
 * <p>Shells are measured by a normalised elliptical radius {@code rho} (1 at the outer scalp edge, slightly
 * wobbly and egg-shaped): scalp and skull from {@code 1 - skull} to 1, a cerebrospinal-fluid gap below it, and
 * brain inside. Only {@link StrictMath} is used so that the same seed gives the same bytes on every JVM.
 */
final class HeadAnatomy {

    private static final int WOBBLE_TERMS = 3;

    // Placement of the head in the image (normalised image coordinates, [-1, 1] across the image).
    final double rotation;
    final double scale;
    final double shiftX;
    final double shiftY;
    private final double cosRot;
    private final double sinRot;

    // Outer outline.
    private final double semiX;
    private final double semiY;
    private final double egg;
    private final double[] wobbleAmp = new double[WOBBLE_TERMS];
    private final double[] wobbleCos = new double[WOBBLE_TERMS];
    private final double[] wobbleSin = new double[WOBBLE_TERMS];

    // Shell thicknesses in rho units, the skull's varying with direction.
    private final double skullThickness;
    private final double skullVariation;
    private final double skullPhaseCos;
    private final double skullPhaseSin;
    private final double csfGap;

    // Ventricles: two bent ellipses, mirrored about the midline.
    final double ventricleOffset;
    final double ventricleY;
    final double ventricleHalfWidth;
    final double ventricleHalfLength;
    final double ventricleBend;
    final double ventricleTilt;
    private final double tiltCos;
    private final double tiltSin;

    // Tissue.
    final double greyWhiteBoundary;
    final int gyri;
    final double gyriPhase;

    HeadAnatomy(Random rng) {
        rotation = StrictMath.toRadians(uniform(rng, -12, 12));
        scale = uniform(rng, 0.86, 1.0);
        shiftX = uniform(rng, -0.06, 0.06);
        shiftY = uniform(rng, -0.05, 0.05);
        cosRot = StrictMath.cos(rotation);
        sinRot = StrictMath.sin(rotation);

        semiX = uniform(rng, 0.74, 0.82);
        semiY = uniform(rng, 0.88, 0.95);
        egg = uniform(rng, 0.02, 0.08);
        for (int k = 0; k < WOBBLE_TERMS; k++) {
            double phase = uniform(rng, 0, 2 * Math.PI);
            wobbleAmp[k] = uniform(rng, 0, 0.018);
            wobbleCos[k] = StrictMath.cos(phase);
            wobbleSin[k] = StrictMath.sin(phase);
        }

        skullThickness = uniform(rng, 0.055, 0.10);
        skullVariation = uniform(rng, 0.1, 0.35);
        double skullPhase = uniform(rng, 0, 2 * Math.PI);
        skullPhaseCos = StrictMath.cos(skullPhase);
        skullPhaseSin = StrictMath.sin(skullPhase);
        csfGap = uniform(rng, 0.015, 0.035);

        double ventricleSize = uniform(rng, 0.65, 1.45);
        ventricleHalfWidth = uniform(rng, 0.028, 0.045) * ventricleSize;
        ventricleHalfLength = uniform(rng, 0.14, 0.20) * StrictMath.sqrt(ventricleSize);
        ventricleOffset = ventricleHalfWidth + uniform(rng, 0.012, 0.03);
        ventricleY = uniform(rng, -0.12, 0.0);
        ventricleBend = uniform(rng, 1.2, 3.0);
        ventricleTilt = StrictMath.toRadians(uniform(rng, -6, 6));
        tiltCos = StrictMath.cos(ventricleTilt);
        tiltSin = StrictMath.sin(ventricleTilt);

        greyWhiteBoundary = uniform(rng, 0.86, 0.91);
        gyri = 14 + rng.nextInt(8);
        gyriPhase = uniform(rng, 0, 2 * Math.PI);
    }

    static double uniform(Random rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** Head-local x of the normalised image point (qx, qy). */
    double localX(double qx, double qy) {
        double dx = qx - shiftX;
        double dy = qy - shiftY;
        return (cosRot * dx + sinRot * dy) / scale;
    }

    /** Head-local y of the normalised image point (qx, qy). */
    double localY(double qx, double qy) {
        double dx = qx - shiftX;
        double dy = qy - shiftY;
        return (-sinRot * dx + cosRot * dy) / scale;
    }

    /** Normalised image x of the head-local point (px, py); inverse of {@link #localX}/{@link #localY}. */
    double imageX(double px, double py) {
        return (cosRot * px - sinRot * py) * scale + shiftX;
    }

    /** Normalised image y of the head-local point (px, py). */
    double imageY(double px, double py) {
        return (sinRot * px + cosRot * py) * scale + shiftY;
    }

    /** Normalised elliptical radius: below 1 inside the head's outer edge. */
    double rho(double px, double py) {
        double ex = px / (semiX * (1 + egg * py / semiY));
        double ey = py / semiY;
        double r = StrictMath.sqrt(ex * ex + ey * ey);
        if (r < 1e-9) {
            return 0;
        }
        return r / (1 + wobble(ex / r, ey / r));
    }

    /** Outline wobble for the direction (c, s) = (cos, sin) of the elliptical angle. */
    private double wobble(double c, double s) {
        double sum = 0;
        double ck = c;
        double sk = s;
        for (int k = 0; k < WOBBLE_TERMS; k++) {
            double c2 = ck * c - sk * s; // angle times (k + 2)
            double s2 = sk * c + ck * s;
            ck = c2;
            sk = s2;
            sum += wobbleAmp[k] * (ck * wobbleCos[k] - sk * wobbleSin[k]);
        }
        return sum;
    }

    /** Rho of the inner skull surface in the direction of (px, py). */
    double innerSkull(double px, double py) {
        double ex = px / semiX;
        double ey = py / semiY;
        double r = StrictMath.sqrt(ex * ex + ey * ey);
        double c = r < 1e-9 ? 1 : ex / r;
        double s = r < 1e-9 ? 0 : ey / r;
        // Thickness varies with twice the angle: thicker front/back or sides, as skulls do.
        double c2 = c * c - s * s;
        double s2 = 2 * s * c;
        double variation = c2 * skullPhaseCos - s2 * skullPhaseSin;
        return 1 - skullThickness * (1 + skullVariation * variation);
    }

    /** Rho of the brain's outer surface (inner edge of the CSF gap) in the direction of (px, py). */
    double brainEdge(double px, double py) {
        return innerSkull(px, py) - csfGap;
    }

    /** Brain-normalised radius: below 1 inside the brain. */
    double brainRho(double px, double py) {
        return rho(px, py) / brainEdge(px, py);
    }

    /** True when (px, py) lies in brain tissue (including ventricles and any intra-axial tumour). */
    boolean inBrain(double px, double py) {
        return brainRho(px, py) < 1;
    }

    /** Signed, normalised distance to the nearer ventricle: below 1 inside, for a soft edge. */
    double ventricleDistance(double px, double py) {
        return StrictMath.min(ventricleSide(px, py), ventricleSide(-px, py));
    }

    private double ventricleSide(double px, double py) {
        double u = px - ventricleOffset;
        double v = py - ventricleY;
        double ut = u * tiltCos - v * tiltSin;
        double vt = u * tiltSin + v * tiltCos;
        // Bend outwards at both ends, so the pair forms a butterfly ")(" around the septum.
        double bent = ut - ventricleBend * vt * vt;
        double a = bent / ventricleHalfWidth;
        double b = vt / ventricleHalfLength;
        return StrictMath.sqrt(a * a + b * b);
    }

    /** Head-local point where the ray from the centre in direction (dx, dy) meets the inner skull surface. */
    double[] innerSkullPoint(double dx, double dy) {
        double norm = StrictMath.sqrt(dx * dx + dy * dy);
        double ux = dx / norm;
        double uy = dy / norm;
        double lo = 0;
        double hi = 2;
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            if (rho(ux * mid, uy * mid) < innerSkull(ux * mid, uy * mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new double[] {ux * lo, uy * lo};
    }

    /** Average length of one rho unit in head-local units, to convert pixel sizes into rho. */
    double rhoUnit() {
        return (semiX + semiY) / 2;
    }
}
