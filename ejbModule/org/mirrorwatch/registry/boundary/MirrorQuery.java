package org.mirrorwatch.registry.boundary;

import org.mirrorwatch.platform.FieldErrors;
import org.mirrorwatch.platform.PlainText;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.registry.entity.MirrorStatus;

/**
 * Filters of the mirror list; a null filter does not filter. {@code nameContains} matches part of the
 * name, case-insensitively.
 */
public record MirrorQuery(String distribution, String country, MirrorContent content, Boolean enabled,
        Boolean official, MirrorStatus freshness, MirrorSpeed speed, String owner, String nameContains) {

    /** The longest text filter: longer than any name, so a longer one could only match nothing. */
    public static final int MAX_TEXT = 254;

    /** Text filters follow the rule of every text from outside, whoever built the query. */
    public MirrorQuery {
        FieldErrors errors = new FieldErrors();
        distribution = errors.text("distribution", distribution, MAX_TEXT, PlainText.Lines.ONE);
        country = errors.text("country", country, MAX_TEXT, PlainText.Lines.ONE);
        owner = errors.text("owner", owner, MAX_TEXT, PlainText.Lines.ONE);
        nameContains = errors.text("q", nameContains, MAX_TEXT, PlainText.Lines.ONE);
        errors.throwIfAny();
    }
}
