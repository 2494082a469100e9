package org.mriworkbench.preprocess;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jackson wiring for {@link Preprocessing}. A mix-in adds the type tag ({@code "op"}) to {@link ImageOp} so that the
 * ops themselves stay plain records with no serialisation annotations.
 */
final class PreprocessingJson {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Grayscale.class, name = "grayscale"),
            @JsonSubTypes.Type(value = ResizePad.class, name = "resize-pad"),
            @JsonSubTypes.Type(value = NormalizeIntensity.class, name = "normalize-intensity"),
            @JsonSubTypes.Type(value = GaussianDenoise.class, name = "gaussian-denoise"),
            @JsonSubTypes.Type(value = CropToHead.class, name = "crop-to-head")})
    private interface ImageOpMixin {
    }

    static final ObjectMapper MAPPER = new ObjectMapper().addMixIn(ImageOp.class, ImageOpMixin.class);

    private PreprocessingJson() {
    }
}
