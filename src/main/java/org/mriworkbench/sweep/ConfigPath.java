package org.mriworkbench.sweep;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Lookup of a config field by its dotted JSON path ({@code model.dropout}), the names a sweep's factors use. Both
 * the spec (to reject unknown fields when it is read) and the trial expansion (to set them) need it; it lives apart
 * so that neither has to call into the other.
 */
final class ConfigPath {

    private ConfigPath() {
    }

    /** The node at a dotted path, or null. */
    static JsonNode find(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            if (n == null || !n.isObject() || !n.has(part)) {
                return null;
            }
            n = n.get(part);
        }
        return n;
    }
}
