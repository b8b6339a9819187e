/**
 * The JSF console's backing beans: they load what a page shows through the facades and hand form input
 * to them. Rules and transactions stay in the business tier.
 */
package org.mirrorwatch.console;
