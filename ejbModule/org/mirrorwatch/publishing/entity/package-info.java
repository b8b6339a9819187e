/**
 * The publication history of the archive: which source and binary packages were published into which
 * series, pocket and component, when, and the pool files they brought. Freshness is measured against it.
 */
package org.mirrorwatch.publishing.entity;
