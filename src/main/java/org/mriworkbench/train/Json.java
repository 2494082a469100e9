package org.mriworkbench.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one Jackson configuration for run files (configs, checkpoints, manifests): indented, stable property order,
 * NaN/Infinity allowed (an undefined metric or a not-yet-seen best loss is a legitimate value), unknown properties
 * ignored so that newer files stay readable by older code.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /** The shared mapper; thread-safe once configured. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as indented JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Writes {@code value} to {@code file} atomically (see {@link AtomicFiles}). */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, write(value));
    }

    /** Parses {@code json}. */
    public static <T> T parse(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid " + type.getSimpleName() + " JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads {@code file} as {@code type}; a missing, unreadable or malformed file gives an {@link IOException} whose
     * message names the path, so a broken run folder is easy to find.
     */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "missing " + type.getSimpleName() + " file");
        }
        try {
            return MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), type);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new IOException("cannot read " + type.getSimpleName() + " from " + file + ": " + e.getMessage(), e);
        }
    }
}
