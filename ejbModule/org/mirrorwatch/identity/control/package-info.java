/**
 * Who may do what, and how people prove who they are: the roles, the access rules of the mirror registry
 * in one place, the identity store that checks passwords and API tokens against the database, the login
 * throttle, password hashing and policy, and the audit trail. How a credential reaches the server over
 * HTTP is the web tier's business.
 */
package org.mirrorwatch.identity.control;
