/**
 * What every feature shares: the injected {@link java.time.Clock}, the business exception hierarchy, the
 * rules for text and for the addresses the prober may reach, the paging cursors, configuration checks and
 * the Flyway migration that runs at deployment. It knows no feature.
 */
package org.mirrorwatch.platform;
