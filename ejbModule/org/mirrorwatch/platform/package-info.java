/**
 * What every feature shares: the injected {@link java.time.Clock}, the business exception hierarchy, the
 * rules for text and for the addresses the prober may reach, the paging cursors, configuration checks,
 * the Flyway migration that runs at deployment, and the database's change notifications, relayed as CDI
 * events whose topics the features name. It knows no feature.
 */
package org.mirrorwatch.platform;
