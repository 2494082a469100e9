package org.mriworkbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConfigPathTest {

    @Test
    void findsNestedFieldsAndReturnsNullForMissingOrNonObjectSteps() throws Exception {
        JsonNode root = new ObjectMapper().readTree("{\"learningRate\": 0.001, \"model\": {\"dropout\": 0.5,"
                + " \"blockFilters\": [8, 16]}, \"nothing\": null}");
        assertEquals(0.001, ConfigPath.find(root, "learningRate").asDouble());
        assertEquals(0.5, ConfigPath.find(root, "model.dropout").asDouble());
        assertEquals(2, ConfigPath.find(root, "model.blockFilters").size());
        assertNull(ConfigPath.find(root, "model.head"));
        assertNull(ConfigPath.find(root, "learningRate.x"), "a number has no fields");
        assertNull(ConfigPath.find(root, "model.blockFilters.0"), "arrays are not walked into");
        assertNull(ConfigPath.find(root, "nothing.x"));
    }
}
