package org.mriworkbench.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.mriworkbench.core.FloatImage;

/**
 * An immutable pipeline of random transforms applied in order, with one {@link #strength()} knob that scales every
 * part's probability and magnitude. The knob exists for focused augmentation: minority-class samples can be
 * augmented harder with the same pipeline by passing a per-sample strength to {@link #apply(FloatImage,
 * SplittableRandom, double)}.
 *
 * <p>Each transform draws from its own child generator ({@link SplittableRandom#split()}), so changing one
 * transform's probability does not change the draws of the others, and results can be compared across configs.
 *
 * <p>Build with {@link #builder()}: {@code add(...)} each transform, {@code optStrength}, then {@code build()}.
 */
public final class Augmentation implements RandTransform {

    private static final RandRotate STANDARD_ROTATE = new RandRotate(10, 0.5);
    private static final RandFlip STANDARD_FLIP = new RandFlip(0.5);
    private static final RandZoom STANDARD_ZOOM = new RandZoom(0.9, 1.1, 0.3);
    private static final RandTranslate STANDARD_TRANSLATE = new RandTranslate(0.05, 0.3);
    private static final RandBrightnessContrast STANDARD_INTENSITY = RandBrightnessContrast.symmetric(0.1, 0.1, 0.3);

    private final List<RandTransform> transforms;
    private final double strength;

    private Augmentation(List<RandTransform> transforms, double strength) {
        this.transforms = List.copyOf(transforms);
        this.strength = strength;
    }

    /** A builder for a new, empty pipeline at strength 1. */
    public static Builder builder() {
        return new Builder();
    }

    /** The identity pipeline; useful as an explicit "no augmentation" arm in an experiment. */
    public static Augmentation none() {
        return new Augmentation(List.of(), 1.0);
    }

    /**
     * Mild defaults for axial MRI slices: rotate up to 10 degrees (p 0.5), flip (p 0.5), zoom 0.9-1.1 (p 0.3),
     * translate up to 5% (p 0.3), brightness +-0.1 and contrast 0.9-1.1 (p 0.3). Kept small because a slice must
     * still look like a plausible scan: heavy warps create images no scanner produces.
     */
    public static Augmentation standard() {
        return builder()
                .add(STANDARD_ROTATE)
                .add(STANDARD_FLIP)
                .add(STANDARD_ZOOM)
                .add(STANDARD_TRANSLATE)
                .add(STANDARD_INTENSITY)
                .build();
    }

    /**
     * The same draws as {@link #standard()}, but rotation, zoom and translation are one {@link RandAffine}: at most
     * one bilinear resample per image instead of up to three. The flip moves after the warp; rotation and shift are
     * drawn symmetrically about zero, so the distribution of results is unchanged.
     */
    public static Augmentation standardAffine() {
        return builder()
                .add(RandAffine.of(STANDARD_ROTATE, STANDARD_ZOOM, STANDARD_TRANSLATE))
                .add(STANDARD_FLIP)
                .add(STANDARD_INTENSITY)
                .build();
    }

    /** {@link #standardAffine()} when {@code affine}, else {@link #standard()}. */
    public static Augmentation standard(boolean affine) {
        return affine ? standardAffine() : standard();
    }

    /** A builder holding this pipeline's transforms and strength. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.transforms.addAll(transforms);
        b.strength = strength;
        return b;
    }

    /** The transforms in the order they are applied. */
    public List<RandTransform> transforms() {
        return transforms;
    }

    /** The factor applied to every transform's probability and magnitude; 0 = off, 1 = as configured. */
    public double strength() {
        return strength;
    }

    /** Always 1: the pipeline always runs, and its parts decide whether they fire. */
    @Override
    public double prob() {
        return 1.0;
    }

    @Override
    public FloatImage apply(FloatImage image, SplittableRandom rng) {
        return apply(image, rng, 1.0);
    }

    /**
     * Applies the pipeline with an extra per-call strength multiplied onto {@link #strength()}. The generator is
     * split once per transform even when the effective strength is 0, so a sample's later draws do not depend on it.
     */
    public FloatImage apply(FloatImage image, SplittableRandom rng, double extraStrength) {
        Objects.requireNonNull(image, "image");
        RandTransform.checkStrength(extraStrength);
        double s = strength * extraStrength;
        FloatImage out = image;
        for (RandTransform t : transforms) {
            SplittableRandom child = rng.split();
            if (s > 0) {
                out = (s == 1.0 ? t : t.scaled(s)).apply(out, child);
            }
        }
        return out;
    }

    /** A copy with strength multiplied by {@code factor}. */
    @Override
    public Augmentation scaled(double factor) {
        RandTransform.checkStrength(factor);
        return new Augmentation(transforms, strength * factor);
    }

    /**
     * {@code n} augmented versions of {@code image}, the i-th drawn from {@link AugmentSeeds#forSample}(seed, 0, i),
     * for a sample grid in a notebook. The original is not included; show it beside the grid.
     */
    public List<FloatImage> preview(FloatImage image, int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        List<FloatImage> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(apply(image, AugmentSeeds.forSample(seed, 0, i)));
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Augmentation a && a.strength == strength && a.transforms.equals(transforms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(transforms, strength);
    }

    @Override
    public String toString() {
        return "Augmentation[strength=" + strength + ", transforms=" + transforms + "]";
    }

    /** Collects transforms; {@code build()} makes an immutable {@link Augmentation}. */
    public static final class Builder {
        private final List<RandTransform> transforms = new ArrayList<>();
        private double strength = 1.0;

        private Builder() {
        }

        /** Appends a transform; transforms run in the order they were added. */
        public Builder add(RandTransform transform) {
            transforms.add(Objects.requireNonNull(transform, "transform"));
            return this;
        }

        /** Scales all transforms' probability and magnitude; default 1. */
        public Builder optStrength(double strength) {
            RandTransform.checkStrength(strength);
            this.strength = strength;
            return this;
        }

        public Augmentation build() {
            return new Augmentation(transforms, strength);
        }
    }
}
