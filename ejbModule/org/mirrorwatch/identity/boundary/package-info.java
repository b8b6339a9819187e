/**
 * The use cases of one's own account: signing up, verifying the address, resetting the password and
 * managing API tokens, plus the administrators' reading of the audit trail. Logging in itself is the
 * identity store's and the web tier's work.
 */
package org.mirrorwatch.identity.boundary;
