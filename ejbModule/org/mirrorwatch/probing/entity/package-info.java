/**
 * What probing leaves behind: the record of each round (ProbeRun) with its live counters and log, and a
 * freshness snapshot per probe for the charts. Mirror content itself lives in the registry.
 */
package org.mirrorwatch.probing.entity;
