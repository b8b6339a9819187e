package org.mirrorwatch.api;

import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads JSON request bodies through {@link StrictJson}, notably {@code application/merge-patch+json},
 * which the servers' own JSON-B readers do not take. {@link StrictJsonInterceptor} makes sure no other
 * reader ever sees a JSON body; JSON-B still writes the answers.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, StrictJsonBodyReader.MERGE_PATCH_JSON})
public class StrictJsonBodyReader implements MessageBodyReader<Object> {

    /** RFC 7396's media type, which PATCH takes. */
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return readsType(type);
    }

    /** The types a JSON body is bound to: everything but raw text, bytes, streams and JSON-P values. */
    static boolean readsType(Class<?> type) {
        return !type.isPrimitive() && type != String.class && type != byte[].class
                && !InputStream.class.isAssignableFrom(type) && !java.io.Reader.class.isAssignableFrom(type)
                && !JsonValue.class.isAssignableFrom(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        return StrictJson.read(body, genericType);
    }
}
