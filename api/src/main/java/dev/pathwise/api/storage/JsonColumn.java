package dev.pathwise.api.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A value written as the JSON text of a column; a value Jackson cannot write is a programming error. */
public final class JsonColumn {

    private JsonColumn() {}

    /** The value as JSON text ({@code "null"} for {@code null}). */
    public static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
