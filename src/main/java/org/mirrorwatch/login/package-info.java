/**
 * How a caller proves who they are over HTTP: one authentication mechanism for the whole application,
 * with a session for the console and Basic or bearer credentials for the API. Whether the caller may do
 * something is decided by the business tier's rules, not here.
 */
package org.mirrorwatch.login;
