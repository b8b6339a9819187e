/**
 * How people prove who they are, and who is calling: the roles, the caller, the identity store that checks
 * passwords and API tokens (and their scopes) against the database, the login throttle, password hashing
 * and policy, the setup token of the first administrator, the lock on the active administrators, the mails
 * about one's own account, and the audit trail. What a caller may do to a mirror is the registry's rule;
 * how a credential reaches the server over HTTP is the web tier's business.
 */
package org.mirrorwatch.identity.control;
