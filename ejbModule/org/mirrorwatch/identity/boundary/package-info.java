/**
 * The use cases of one's own account: signing up, verifying the address, resetting the password and
 * managing API tokens; the setup of the first administrator; and the administrators' work on people
 * (roles, turning accounts off) and their reading of the audit trail. Logging in itself is the identity
 * store's and the web tier's work.
 */
package org.mirrorwatch.identity.boundary;
