/**
 * What every feature shares: the injected {@link java.time.Clock}, the business exception hierarchy,
 * configuration defaults and the Flyway migration that runs at deployment. It knows no feature.
 */
package org.mirrorwatch.platform;
