package org.mriworkbench.preprocess;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.mriworkbench.core.FloatImage;
import org.mriworkbench.core.Sha256;
import org.mriworkbench.decode.ImageDecodeException;
import org.mriworkbench.decode.ImageDecoder;

/**
 * An ordered, immutable list of {@link ImageOp}s: the one description of "what was done to the pixels" that a
 * run's config records, the tensor cache keys on ({@link #fingerprint()}), and notebooks show step by step
 * ({@link #steps(FloatImage)}). Changing any op or parameter changes {@link #describe()} and so the fingerprint,
 * which is what invalidates stale caches.
 *
 * <p>Build with {@link #standard(int)}, {@link #of(ImageOp...)} or {@link #builder()}; derive variants with
 * {@link #withDenoise(double)} or {@link #toBuilder()}.
 */
public record Preprocessing(List<ImageOp> ops) {

    public Preprocessing {
        ops = List.copyOf(Objects.requireNonNull(ops, "ops"));
    }

    /** One intermediate result: the input (named {@code "input"}) or the output of the op named by its description. */
    public record Step(String name, FloatImage image) {
    }

    /** The workbench default: grayscale → resize-pad to {@code size} → robust intensity normalisation. */
    public static Preprocessing standard(int size) {
        return of(new Grayscale(), new ResizePad(size), NormalizeIntensity.robust());
    }

    /**
     * True when the pipeline starts by dropping colour, so a decoder may hand over luminance directly (for JPEGs
     * that halves decoding time; see {@code ImageDecoder.decodeGray}).
     */
    public boolean grayscaleFirst() {
        return !ops.isEmpty() && ops.get(0) instanceof Grayscale;
    }

    /**
     * Decodes an image file's bytes as the training images were decoded and runs this pipeline on it: luminance
     * straight from the decoder when the pipeline starts with grayscale ({@link #grayscaleFirst()}), else the colour
     * image. This is the one place "decode as training did" is written: the tensor cache, the predictor and
     * {@code explain} all call it, so a model never sees an image prepared differently from those it learned on.
     *
     * @param source the file the bytes came from, named in decode errors
     */
    public FloatImage decodeAndApply(byte[] bytes, Path source)
            throws ImageDecodeException {
        return apply(grayscaleFirst() ? ImageDecoder.decodeGray(bytes, source).image()
                : ImageDecoder.decode(bytes, source).image());
    }

    /** As {@link #decodeAndApply(byte[], Path)}, reading {@code file}. */
    public FloatImage decodeAndApply(Path file) throws ImageDecodeException {
        return apply(grayscaleFirst() ? ImageDecoder.decodeGray(file).image()
                : ImageDecoder.decode(file).image());
    }

    public static Preprocessing of(ImageOp... ops) {
        return new Preprocessing(List.of(ops));
    }

    public static Builder builder() {
        return new Builder(List.of());
    }

    public Builder toBuilder() {
        return new Builder(ops);
    }

    /**
     * The same pipeline with Gaussian denoising of the given σ. Denoising goes right before the first intensity
     * normalisation (so that noise spikes do not set the intensity range) and after resizing (so σ is in output
     * pixels and the blur is cheap), or at the end if there is no normalisation. An existing denoise step is
     * replaced; σ = 0 removes it.
     */
    public Preprocessing withDenoise(double sigma) {
        GaussianDenoise denoise = new GaussianDenoise(sigma);
        List<ImageOp> out = new ArrayList<>();
        for (ImageOp op : ops) {
            if (!(op instanceof GaussianDenoise)) {
                out.add(op);
            }
        }
        if (sigma > 0) {
            int at = out.size();
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i) instanceof NormalizeIntensity) {
                    at = i;
                    break;
                }
            }
            out.add(at, denoise);
        }
        return new Preprocessing(out);
    }

    /**
     * The same pipeline with (or without) {@link CropToHead#standard()} right before the first {@link ResizePad}
     * (at the start when there is none), so that the head, not the background, is scaled to the input size. An
     * existing crop step is replaced or removed.
     */
    public Preprocessing withHeadCrop(boolean crop) {
        List<ImageOp> out = new ArrayList<>();
        for (ImageOp op : ops) {
            if (!(op instanceof CropToHead)) {
                out.add(op);
            }
        }
        if (crop) {
            int at = 0;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i) instanceof ResizePad) {
                    at = i;
                    break;
                }
            }
            out.add(at, CropToHead.standard());
        }
        return new Preprocessing(out);
    }

    /** Whether the pipeline crops to the head. */
    public boolean cropsToHead() {
        return ops.stream().anyMatch(op -> op instanceof CropToHead);
    }

    /** Runs every op in order. */
    public FloatImage apply(FloatImage img) {
        FloatImage cur = img;
        for (ImageOp op : ops) {
            cur = op.apply(cur);
        }
        return cur;
    }

    /** The input followed by the output of every op, for before/after views; {@code ops().size() + 1} steps. */
    public List<Step> steps(FloatImage img) {
        List<Step> out = new ArrayList<>(ops.size() + 1);
        out.add(new Step("input", img));
        FloatImage cur = img;
        for (ImageOp op : ops) {
            cur = op.apply(cur);
            out.add(new Step(op.describe(), cur));
        }
        return List.copyOf(out);
    }

    /** The ops' descriptions joined by {@code " -> "}, e.g. {@code grayscale -> resize-pad(128) -> ...}. */
    public String describe() {
        if (ops.isEmpty()) {
            return "identity";
        }
        return ops.stream().map(ImageOp::describe).collect(Collectors.joining(" -> "));
    }

    /** SHA-256 (hex) of {@link #describe()}: equal for pipelines that produce the same pixels. */
    public String fingerprint() {
        return Sha256.hex(describe());
    }

    /** JSON such as {@code {"ops":[{"op":"resize-pad","size":128}, ...]}}, for run configs. */
    public String toJson() {
        try {
            return PreprocessingJson.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + describe() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads what {@link #toJson()} wrote; unknown op names fail with the list of known ones. */
    public static Preprocessing fromJson(String json) {
        try {
            return PreprocessingJson.MAPPER.readValue(json, Preprocessing.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a preprocessing description (known ops: grayscale, resize-pad, "
                    + "normalize-intensity, gaussian-denoise, crop-to-head): " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Preprocessing[" + describe() + "]";
    }

    /** Collects ops in order; {@code build()} gives an immutable {@link Preprocessing}. */
    public static final class Builder {
        private final List<ImageOp> ops;

        private Builder(List<ImageOp> start) {
            this.ops = new ArrayList<>(start);
        }

        /** Appends an op. */
        public Builder add(ImageOp op) {
            ops.add(Objects.requireNonNull(op, "op"));
            return this;
        }

        public Preprocessing build() {
            return new Preprocessing(ops);
        }
    }
}
