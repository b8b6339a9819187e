package org.mirrorwatch.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Collection;

/**
 * The application's one JSON-P provider, looked up once. {@code Json.createObjectBuilder()} and its kin
 * call {@link JsonProvider#provider()}, which scans the class path with a {@code ServiceLoader} on every
 * call: under load that scan was a sixth of the CPU of a small JSON answer. The provider is thread-safe,
 * and so is sharing it; each builder it makes belongs to one caller.
 */
public final class JsonBuilders {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonBuilders() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    /** An array of these values (texts, numbers, booleans or JSON values). */
    public static JsonArrayBuilder array(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }
}
