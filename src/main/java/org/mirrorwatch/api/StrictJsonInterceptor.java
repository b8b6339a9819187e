package org.mirrorwatch.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Makes {@link StrictJson} the reader of every JSON request body, whichever entity provider the server
 * would have chosen. Jersey ranks an application's reader and its own JSON-B reader alike for
 * {@code application/json} and picks either, deployment by deployment; an interceptor runs before any
 * reader is chosen and may answer without one.
 */
@Provider
public class StrictJsonInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && isJson(type) && StrictJsonBodyReader.readsType(context.getType())) {
            return StrictJson.read(context.getInputStream(), context.getGenericType());
        }
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return (type.getType().equalsIgnoreCase("application") && (type.getSubtype().equalsIgnoreCase("json")
                || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json")));
    }
}
