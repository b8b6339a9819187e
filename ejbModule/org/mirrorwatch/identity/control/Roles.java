package org.mirrorwatch.identity.control;

/** The roles that the identity store hands out, as groups of the same names. */
public final class Roles {

    /** Everyone with an account who has logged in: they can register mirrors and edit their own. */
    public static final String PERSON = "person";

    /** The mirror administrators team: everything an owner can do, on any mirror, and the admin actions. */
    public static final String MIRROR_ADMIN = "mirror-admin";

    /** The distribution's archive publisher, which imports the publication history freshness is measured against. */
    public static final String PUBLISHER = "publisher";

    private Roles() {
    }
}
