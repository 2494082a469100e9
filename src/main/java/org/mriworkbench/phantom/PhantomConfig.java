package org.mriworkbench.phantom;

/**
 * Everything that decides which phantom data set {@link PhantomGenerator} writes. It is a record so that it can be
 * stored verbatim in the completion marker and in a run's provenance: two folders written from equal configs (and
 * the same {@link PhantomGenerator#FORMAT_VERSION}) hold byte-identical images.
 *
 * <p>Build it with {@link #builder()}; every setting is optional ({@code opt*}) because the defaults give a small
 * four-class set (120 training and 30 testing images per class, 128 pixels) that trains in minutes on a laptop.
 *
 * @param seed             global seed; every image's own seed is derived from it, see {@link PhantomGenerator#imageSeed}
 * @param imageSize        width and height in pixels; at least 64 so the smallest (pituitary) mass stays visible
 * @param trainingPerClass images per class written under {@code Training/}
 * @param testingPerClass  images per class written under {@code Testing/}
 * @param jpegQuality      JPEG quality in (0,1]; the Kaggle images are JPEGs, so phantoms carry the same artefacts
 */
public record PhantomConfig(long seed, int imageSize, int trainingPerClass, int testingPerClass, float jpegQuality) {

    public static final long DEFAULT_SEED = 20240101L;
    public static final int DEFAULT_IMAGE_SIZE = 128;
    public static final int DEFAULT_TRAINING_PER_CLASS = 120;
    public static final int DEFAULT_TESTING_PER_CLASS = 30;
    public static final float DEFAULT_JPEG_QUALITY = 0.92f;

    public PhantomConfig {
        if (imageSize < 64 || imageSize > 1024) {
            throw new IllegalArgumentException("imageSize must be in [64, 1024], got " + imageSize);
        }
        if (trainingPerClass < 0 || testingPerClass < 0) {
            throw new IllegalArgumentException("images per class must not be negative: training=" + trainingPerClass
                    + ", testing=" + testingPerClass);
        }
        if (!(jpegQuality > 0f && jpegQuality <= 1f)) {
            throw new IllegalArgumentException("jpegQuality must be in (0, 1], got " + jpegQuality);
        }
    }

    /** The default configuration. */
    public static PhantomConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset to this config, for deriving a variant. */
    public Builder toBuilder() {
        return new Builder().optSeed(seed).optImageSize(imageSize).optTrainingPerClass(trainingPerClass)
                .optTestingPerClass(testingPerClass).optJpegQuality(jpegQuality);
    }

    /** Mutable only until {@link #build()}; the built config is immutable. */
    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private int imageSize = DEFAULT_IMAGE_SIZE;
        private int trainingPerClass = DEFAULT_TRAINING_PER_CLASS;
        private int testingPerClass = DEFAULT_TESTING_PER_CLASS;
        private float jpegQuality = DEFAULT_JPEG_QUALITY;

        private Builder() {
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optImageSize(int imageSize) {
            this.imageSize = imageSize;
            return this;
        }

        public Builder optTrainingPerClass(int trainingPerClass) {
            this.trainingPerClass = trainingPerClass;
            return this;
        }

        public Builder optTestingPerClass(int testingPerClass) {
            this.testingPerClass = testingPerClass;
            return this;
        }

        public Builder optJpegQuality(float jpegQuality) {
            this.jpegQuality = jpegQuality;
            return this;
        }

        public PhantomConfig build() {
            return new PhantomConfig(seed, imageSize, trainingPerClass, testingPerClass, jpegQuality);
        }
    }
}
