package org.mirrorwatch.reference.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores a {@link MirrorUrl} as its normalized text; the scheme is read back from the text. */
@Converter(autoApply = true)
public class MirrorUrlConverter implements AttributeConverter<MirrorUrl, String> {

    @Override
    public String convertToDatabaseColumn(MirrorUrl url) {
        return url == null ? null : url.value();
    }

    @Override
    public MirrorUrl convertToEntityAttribute(String stored) {
        if (stored == null) {
            return null;
        }
        String scheme = stored.substring(0, stored.indexOf(':')).toUpperCase(Locale.ROOT);
        return MirrorUrl.of(UrlScheme.valueOf(scheme), stored);
    }
}
