package org.mirrorwatch.identity.entity;

/** What a mailed link proves or allows. */
public enum AccountTokenPurpose {
    /** Proves that the address given at sign-up reaches the person. */
    VERIFY_EMAIL,
    /** Lets the person choose a new password. */
    RESET_PASSWORD
}
