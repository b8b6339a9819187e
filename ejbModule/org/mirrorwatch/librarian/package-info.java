/**
 * The seed's Librarian: small immutable files, such as probe logs, stored in PostgreSQL with a checksum
 * and a stable download path. It decides nothing about who may read a file; the web tier does.
 */
package org.mirrorwatch.librarian;
